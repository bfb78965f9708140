// Syncs the catalog with every connection and region (or one of them): creates entries for new
// services, updates names, statuses and URLs, marks vanished services gone (never deletes them),
// and refreshes each live service's configuration facts for the readiness checks.
import "server-only";
import { appRunnerClient, cloudWatchClient } from "@/lib/aws/clients";
import { listConnections } from "@/lib/connections/connections";
import { db } from "@/lib/db";
import { describeAwsError } from "@/lib/services/aws-error";
import { listServicesInRegion } from "@/lib/services/list-services";
import { mapLimit } from "@/lib/services/map-limit";
import { readServiceFacts } from "./read-service-facts";
import { recordDriftOnRead } from "@/lib/history/record-change";
import { planSync } from "./sync-plan";

export interface SyncResult {
  regions: number;
  created: number;
  updated: number;
  gone: number;
  returned: number;
  factsRead: number;
  errors: { connection: string; region: string; message: string }[];
}

export interface SyncOptions {
  connectionId?: string;
  region?: string;
  /** read DescribeService + scaling + metrics per live service (default true) */
  facts?: boolean;
  now?: Date;
}

export async function syncCatalog(opts: SyncOptions = {}): Promise<SyncResult> {
  const now = opts.now ?? new Date();
  const result: SyncResult = { regions: 0, created: 0, updated: 0, gone: 0, returned: 0, factsRead: 0, errors: [] };
  const connections = (await listConnections()).filter((c) => !opts.connectionId || c.id === opts.connectionId);
  const targets = connections.flatMap((c) => c.regions.filter((r) => !opts.region || r === opts.region).map((region) => ({ connection: c, region })));

  await mapLimit(targets, 4, async ({ connection, region }) => {
    let listed;
    try {
      listed = await listServicesInRegion(await appRunnerClient(connection.id, region), region);
    } catch (err) {
      result.errors.push({ connection: connection.name, region, message: describeAwsError(err).message });
      return;
    }
    result.regions++;
    const known = await db.catalogEntry.findMany({ where: { connectionId: connection.id, region }, select: { arn: true, serviceName: true, status: true, serviceUrl: true, gone: true } });
    const plan = planSync(
      known,
      listed.map((s) => ({ arn: s.arn, id: s.id, name: s.name, status: s.status, url: s.url })),
    );
    await db.$transaction([
      ...plan.create.map((s) =>
        db.catalogEntry.create({ data: { arn: s.arn, connectionId: connection.id, region, serviceId: s.id, serviceName: s.name, status: s.status, serviceUrl: s.url ?? null, lastSyncedAt: now } }),
      ),
      ...plan.update.map((u) =>
        db.catalogEntry.update({ where: { arn: u.arn }, data: { serviceName: u.serviceName, status: u.status, serviceUrl: u.serviceUrl, gone: false, goneAt: null, lastSyncedAt: now } }),
      ),
      db.catalogEntry.updateMany({ where: { arn: { in: plan.gone } }, data: { gone: true, goneAt: now, lastSyncedAt: now } }),
      db.catalogEntry.updateMany({ where: { connectionId: connection.id, region, gone: false, arn: { notIn: plan.gone } }, data: { lastSyncedAt: now } }),
    ]);
    result.created += plan.create.length;
    result.updated += plan.update.length;
    result.gone += plan.gone.length;
    result.returned += plan.update.filter((u) => u.returned).length;

    if (opts.facts === false) return;
    const live = listed.filter((s) => s.status !== "DELETED").map((s) => s.arn);
    const appRunner = await appRunnerClient(connection.id, region);
    const cloudWatch = await cloudWatchClient(connection.id, region);
    await mapLimit(live, 6, async (arn) => {
      const facts = await readServiceFacts(appRunner, cloudWatch, arn, now, (service) => recordDriftOnRead(appRunner, connection.id, region, service)).catch(() => undefined);
      if (!facts) return;
      await db.catalogEntry.update({ where: { arn }, data: { configFacts: JSON.stringify(facts), factsAt: now } });
      result.factsRead++;
    });
  });
  return result;
}

/** Refreshes one entry's facts live (the entry page), returning them; undefined when AWS could not answer. */
export async function refreshEntryFacts(entry: { arn: string; connectionId: string; region: string }) {
  const now = new Date();
  const facts = await readServiceFacts(await appRunnerClient(entry.connectionId, entry.region), await cloudWatchClient(entry.connectionId, entry.region), entry.arn, now);
  await db.catalogEntry.update({ where: { arn: entry.arn }, data: { configFacts: JSON.stringify(facts), factsAt: now } });
  return facts;
}
