import { AwsError } from "../protocol/json-response.js";
import { autoScalingArn, hexId, parseArn } from "./ids.js";
import type { AutoScalingRecord, ControlPlaneState, Tag } from "./state.js";

export const DEFAULT_CONFIGURATION = "DefaultConfiguration";
/** App Runner's quotas: revisions per configuration name, configuration names per region. */
export const MAX_REVISIONS = 5;
export const MAX_NAMES = 10;

/** Auto scaling configurations and their revisions, per region; `DefaultConfiguration` exists in every region. */
export class AutoScalingRegistry {
  constructor(
    private readonly state: ControlPlaneState,
    private readonly accountId: string,
    private readonly persist: () => void,
  ) {}

  inRegion(region: string): AutoScalingRecord[] {
    this.ensureDefault(region);
    return this.state.autoScaling.filter((a) => a.region === region);
  }

  /** App Runner creates its DefaultConfiguration (100 / 1 / 25) the first time a region is used. */
  ensureDefault(region: string): void {
    if (this.state.autoScaling.some((a) => a.region === region && a.name === DEFAULT_CONFIGURATION)) return;
    this.state.autoScaling.push({
      region,
      arn: autoScalingArn(region, this.accountId, DEFAULT_CONFIGURATION, 1, hexId()),
      name: DEFAULT_CONFIGURATION,
      revision: 1,
      status: "ACTIVE",
      maxConcurrency: 100,
      minSize: 1,
      maxSize: 25,
      createdAt: Date.now(),
      isDefault: !this.state.autoScaling.some((a) => a.region === region && a.isDefault),
      tags: [],
    });
    this.persist();
  }

  defaultFor(region: string): AutoScalingRecord {
    const all = this.inRegion(region);
    return (all.find((a) => a.isDefault && a.status === "ACTIVE") ?? all.find((a) => a.name === DEFAULT_CONFIGURATION)) as AutoScalingRecord;
  }

  /** Exact ARN match, including INACTIVE revisions (a service keeps pointing at what it was created with). */
  byArn(region: string, arn: string): AutoScalingRecord | undefined {
    return this.state.autoScaling.find((a) => a.region === region && a.arn === arn);
  }

  /**
   * App Runner accepts `.../autoscalingconfiguration/<name>` (latest active revision), `.../<name>/<revision>`
   * and the full ARN with its id.
   */
  resolve(region: string, arn: string, opts: { activeOnly?: boolean } = {}): AutoScalingRecord {
    const parsed = parseArn(arn);
    const notFound = new AwsError("ResourceNotFoundException", `Auto scaling configuration ${arn} does not exist in ${region}`);
    if (!parsed || parsed.resourceType !== "autoscalingconfiguration" || parsed.region !== region || parsed.account !== this.accountId) throw notFound;
    const [name, revision, id] = parsed.parts;
    let candidates = this.inRegion(region).filter((a) => a.name === name);
    if (revision !== undefined) candidates = candidates.filter((a) => String(a.revision) === revision);
    if (id !== undefined) candidates = candidates.filter((a) => a.arn === arn);
    if (revision === undefined || opts.activeOnly) candidates = candidates.filter((a) => a.status === "ACTIVE");
    const found = candidates.sort((a, b) => b.revision - a.revision)[0];
    if (!found) throw notFound;
    return found;
  }

  isLatest(a: AutoScalingRecord): boolean {
    const newest = this.state.autoScaling
      .filter((x) => x.region === a.region && x.name === a.name && x.status === "ACTIVE")
      .sort((x, y) => y.revision - x.revision)[0];
    return newest === a;
  }

  hasAssociatedService(a: AutoScalingRecord): boolean {
    return this.state.services.some((s) => s.region === a.region && s.status !== "DELETED" && s.config.AutoScalingConfigurationArn === a.arn);
  }

  create(region: string, input: { name: string; maxConcurrency?: number; minSize?: number; maxSize?: number; tags?: Tag[] }): AutoScalingRecord {
    const all = this.inRegion(region);
    const sameName = all.filter((a) => a.name === input.name);
    const activeRevisions = sameName.filter((a) => a.status === "ACTIVE").length;
    if (activeRevisions >= MAX_REVISIONS) {
      throw new AwsError("ServiceQuotaExceededException", `Auto scaling configuration ${input.name} already has ${MAX_REVISIONS} active revisions, the maximum. Delete one first.`);
    }
    const names = new Set(all.filter((a) => a.status === "ACTIVE").map((a) => a.name));
    if (!names.has(input.name) && names.size >= MAX_NAMES) {
      throw new AwsError("ServiceQuotaExceededException", `This region already has ${MAX_NAMES} auto scaling configuration names, the maximum.`);
    }
    const minSize = input.minSize ?? 1;
    const maxSize = input.maxSize ?? 25;
    if (minSize > maxSize) throw new AwsError("InvalidRequestException", `MinSize (${minSize}) must not be greater than MaxSize (${maxSize})`);
    const revision = sameName.reduce((m, a) => Math.max(m, a.revision), 0) + 1;
    const record: AutoScalingRecord = {
      region,
      arn: autoScalingArn(region, this.accountId, input.name, revision, hexId()),
      name: input.name,
      revision,
      status: "ACTIVE",
      maxConcurrency: input.maxConcurrency ?? 100,
      minSize,
      maxSize,
      createdAt: Date.now(),
      isDefault: false,
      tags: input.tags ?? [],
    };
    this.state.autoScaling.push(record);
    this.persist();
    return record;
  }

  /** Deletes one revision, or all of a name's revisions; never the default nor one a service uses. */
  delete(region: string, arn: string, allRevisions: boolean): AutoScalingRecord {
    const target = this.resolve(region, arn, { activeOnly: true });
    const victims = allRevisions ? this.inRegion(region).filter((a) => a.name === target.name && a.status === "ACTIVE") : [target];
    for (const v of victims) {
      if (v.isDefault) throw new AwsError("InvalidRequestException", `You can't delete ${v.arn}: it is the default auto scaling configuration. Make another one the default first.`);
      if (this.hasAssociatedService(v)) throw new AwsError("InvalidRequestException", `You can't delete ${v.arn}: it is used by one or more services.`);
    }
    const now = Date.now();
    for (const v of victims) {
      v.status = "INACTIVE";
      v.deletedAt = now;
    }
    this.persist();
    return target;
  }

  setDefault(region: string, arn: string): AutoScalingRecord {
    const target = this.resolve(region, arn, { activeOnly: true });
    for (const a of this.inRegion(region)) a.isDefault = a === target;
    this.persist();
    return target;
  }
}
