import type { Json } from "../contracts.js";
import { AwsError } from "../protocol/json-response.js";
import type { ControlPlane } from "./control-plane.js";
import { parseArn } from "./ids.js";
import type { Tag } from "./state.js";

type Obj = { [key: string]: Json };
type Input = Record<string, unknown>;

/** App Runner's limit of tags per resource. */
const MAX_TAGS = 50;

/** Tags live on services and on each auto scaling configuration revision. Tagging is accepted while PAUSED, not while OPERATION_IN_PROGRESS. */
function tagsOf(cp: ControlPlane, region: string, arn: string): { tags: Tag[]; set(tags: Tag[]): void } {
  const parsed = parseArn(arn);
  if (parsed?.resourceType === "service") {
    const svc = cp.findService(region, arn);
    if (svc.status === "DELETED") throw new AwsError("InvalidStateException", `Service ${svc.name} is DELETED; its tags can no longer change.`);
    // Accepted while PAUSED; refused, like every other change, while an operation runs.
    cp.requireStatus(svc, "change the service's tags (TagResource, UntagResource)", ["RUNNING", "PAUSED", "CREATE_FAILED", "DELETE_FAILED"]);
    return { tags: svc.tags, set: (t) => (svc.tags = t) };
  }
  if (parsed?.resourceType === "autoscalingconfiguration" && parsed.parts.length === 3) {
    const asc = cp.autoScaling.byArn(region, arn);
    if (asc) return { tags: asc.tags, set: (t) => (asc.tags = t) };
  }
  throw new AwsError("ResourceNotFoundException", `Resource not found: ${arn}`);
}

export function tagResource(cp: ControlPlane, region: string, input: Input): Obj {
  const target = tagsOf(cp, region, input.ResourceArn as string);
  const merged = new Map(target.tags.map((t) => [t.Key, t.Value]));
  for (const t of input.Tags as Tag[]) merged.set(t.Key, t.Value ?? "");
  if (merged.size > MAX_TAGS) throw new AwsError("InvalidRequestException", `A resource can have at most ${MAX_TAGS} tags; this request would make ${merged.size}.`);
  target.set([...merged].map(([Key, Value]) => ({ Key, Value })));
  cp.persist();
  return {};
}

export function untagResource(cp: ControlPlane, region: string, input: Input): Obj {
  const target = tagsOf(cp, region, input.ResourceArn as string);
  const remove = new Set(input.TagKeys as string[]);
  target.set(target.tags.filter((t) => !remove.has(t.Key)));
  cp.persist();
  return {};
}

export function listTagsForResource(cp: ControlPlane, region: string, input: Input): Obj {
  const arn = input.ResourceArn as string;
  const parsed = parseArn(arn);
  // Reading tags of a deleted service is fine; only changes are refused.
  if (parsed?.resourceType === "service") return { Tags: cp.findService(region, arn).tags.map((t) => ({ ...t })) };
  return { Tags: tagsOf(cp, region, arn).tags.map((t) => ({ ...t })) };
}
