// The background catalog sync while the console runs. Several console processes may share one
// database: each tries every interval, and only the one that claims the round's lease (the
// generic lib/leases lease on "catalog-sync") runs the sync. The lease is kept, not released,
// until just before the next interval, so no other process runs the same round again; a crashed
// holder's lease simply expires. Each scheduled run is audited as catalog.sync by "schedule",
// as a manual sync is by its user, so the audit page shows when the catalog last synced.
import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { claimLease, newLeaseOwner } from "@/lib/leases/lease";
import { syncCatalog } from "./sync-catalog";

export const CATALOG_SYNC_LEASE = "catalog-sync";
const owner = newLeaseOwner("catalog");
const scheduleActor: AuditActor = { actor: "schedule" };

/** Claims this interval's round for `who`; false when another process holds it. */
export function claimSyncRound(who: string, now: Date, leaseMs: number): Promise<boolean> {
  return claimLease(db, CATALOG_SYNC_LEASE, who, leaseMs, now);
}

/** One scheduled round: claim it, sync, audit the result. Returns whether this process ran it. */
export async function runScheduledSync(who: string, now: Date, leaseMs: number): Promise<boolean> {
  if (!(await claimSyncRound(who, now, leaseMs).catch(() => false))) return false;
  try {
    const result = await syncCatalog({ now });
    await recordAuditEvent(scheduleActor, { action: "catalog.sync", target: "catalog", result: "succeeded", request: result });
  } catch (err) {
    await recordAuditEvent(scheduleActor, { action: "catalog.sync", target: "catalog", result: "failed", error: err instanceof Error ? err.message : String(err) });
  }
  return true;
}

const globalForSchedule = globalThis as unknown as { runwayCatalogTimer?: NodeJS.Timeout };

export function startCatalogSchedule(): void {
  const minutes = env.RUNWAY_CATALOG_SYNC_MINUTES;
  if (!minutes || globalForSchedule.runwayCatalogTimer) return;
  const intervalMs = minutes * 60_000;
  // Slightly shorter than the interval, so the next tick (of any process) can claim again.
  const leaseMs = Math.max(60_000, intervalMs * 0.9);
  globalForSchedule.runwayCatalogTimer = setInterval(() => {
    runScheduledSync(owner, new Date(), leaseMs).catch((err: unknown) => console.error("[catalog] scheduled sync:", err instanceof Error ? err.message : err));
  }, intervalMs);
  globalForSchedule.runwayCatalogTimer.unref();
}
