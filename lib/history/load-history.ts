// What the History tab shows: the versions (newest first), the configuration the service has
// right now, and for each version what a rollback to it would send and could not restore.
import "server-only";
import type { AppRunnerClient } from "@aws-sdk/client-apprunner";
import { db } from "@/lib/db";
import { describeServiceByArn } from "@/lib/services/describe-service";
import { listTags } from "@/lib/services/list-tags";
import { planRollback } from "./rollback-plan";
import { toServiceConfig, type ServiceConfig } from "./service-config";
import { getVersion, listVersions, type VersionView } from "./service-versions";

export interface RollbackPreview {
  sections: string[];
  notes: string[];
  redeployOnly: boolean;
  /** Why this version cannot be rolled back to at all. */
  blocked?: string;
}

export interface ServiceHistory {
  versions: VersionView[];
  live: ServiceConfig;
  previews: Record<string, RollbackPreview>;
}

export async function loadServiceHistory(client: AppRunnerClient, serviceArn: string): Promise<ServiceHistory> {
  const [service, tags, versions] = await Promise.all([describeServiceByArn(client, serviceArn), listTags(client, serviceArn), listVersions(db, serviceArn)]);
  const previews: Record<string, RollbackPreview> = {};
  for (const v of versions) {
    try {
      const plan = planRollback(v.config, service);
      previews[v.id] = { sections: plan.sections, notes: plan.notes, redeployOnly: plan.redeployOnly, ...(plan.sections.length || plan.redeployOnly ? {} : { blocked: "The service already has this configuration." }) };
    } catch (err) {
      previews[v.id] = { sections: [], notes: [], redeployOnly: false, blocked: err instanceof Error ? err.message : String(err) };
    }
  }
  return { versions, live: toServiceConfig(service, tags), previews };
}

/** One stored version (the rollback action's input), or null. */
export async function findVersion(id: string) {
  return getVersion(db, id);
}
