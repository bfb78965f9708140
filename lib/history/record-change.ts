// A version after each change Runway makes: when the operation watcher sees App Runner's
// operation succeed (create, update, deployment, auto scaling, rollback), or at once for a
// change with no operation (tags). The configuration is read back from App Runner, so the
// version is what the service really runs, not what the form asked for.
import "server-only";
import type { AppRunnerClient, Service } from "@aws-sdk/client-apprunner";
import { appRunnerClient } from "@/lib/aws/clients";
import { db } from "@/lib/db";
import { actorOf, type TrackedOperationRow } from "@/lib/operations/tracked-operation";
import { describeServiceByArn } from "@/lib/services/describe-service";
import { listTags } from "@/lib/services/list-tags";
import { toServiceConfig } from "./service-config";
import { observeService, recordVersion } from "./service-versions";

/** Actions whose success changes the configuration (pause, resume, delete and domains do not). */
export const versionedActions = new Set(["service.create", "service.update", "service.deploy", "service.autoscaling.apply", "service.rollback"]);

async function readConfig(client: AppRunnerClient, serviceArn: string) {
  const [service, tags] = await Promise.all([describeServiceByArn(client, serviceArn), listTags(client, serviceArn)]);
  return toServiceConfig(service, tags);
}

function restoredFromOf(request: string | null): number | null {
  try {
    const value = (JSON.parse(request ?? "null") as { restoredFrom?: unknown } | null)?.restoredFrom;
    return typeof value === "number" ? value : null;
  } catch {
    return null;
  }
}

/** The watcher's onSucceeded hook. */
export async function recordVersionAfterOperation(row: TrackedOperationRow): Promise<void> {
  if (!versionedActions.has(row.action)) return;
  const client = await appRunnerClient(row.connectionId, row.region);
  const actor = actorOf(row);
  await recordVersion(db, {
    serviceArn: row.serviceArn,
    connectionId: row.connectionId,
    region: row.region,
    config: await readConfig(client, row.serviceArn),
    origin: "runway",
    action: row.action,
    author: actor.user ? { id: actor.user.id, email: actor.user.email } : null,
    operationId: row.operationId,
    restoredFrom: restoredFromOf(row.request),
  });
}

/** A change that App Runner applied at once (tags): record it now. */
export async function recordVersionNow(input: { client: AppRunnerClient; serviceArn: string; connectionId: string; region: string; action: string; author: { id: string; email: string } | null }): Promise<void> {
  await recordVersion(db, {
    serviceArn: input.serviceArn,
    connectionId: input.connectionId,
    region: input.region,
    config: await readConfig(input.client, input.serviceArn),
    origin: "runway",
    action: input.action,
    author: input.author,
  });
}

/**
 * Drift: after a read (the service page, a catalog sync), compare what App Runner says with the
 * latest version and record a difference as a change made outside Runway. Never fails the read.
 */
export async function recordDriftOnRead(client: AppRunnerClient, connectionId: string, region: string, service: Service): Promise<void> {
  if (!service.ServiceArn) return;
  try {
    const tags = await listTags(client, service.ServiceArn);
    await observeService(db, { connectionId, region, service, tags });
  } catch (err) {
    console.error(`[history] could not compare ${service.ServiceArn} with its latest version:`, err instanceof Error ? err.message : err);
  }
}
