// The background catalog sync while the console runs. Several console processes may share one
// database: each tries every interval, and only the one that claims the lease row runs the sync
// (a conditional update, atomic in SQLite and PostgreSQL). A crashed holder's lease simply
// expires. Minimal on purpose; a general lease module can replace claimSyncLease.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { syncCatalog } from "./sync-catalog";

const LEASE_ID = "catalog-sync";
const holder = `${process.pid}-${randomUUID().slice(0, 8)}`;

export async function claimSyncLease(who: string, now: Date, leaseMs: number): Promise<boolean> {
  await db.catalogSyncLease.create({ data: { id: LEASE_ID, leaseUntil: new Date(0) } }).catch(() => undefined); // exists already
  const r = await db.catalogSyncLease.updateMany({ where: { id: LEASE_ID, leaseUntil: { lt: now } }, data: { holder: who, leaseUntil: new Date(now.getTime() + leaseMs) } });
  return r.count === 1;
}

export async function recordSyncRun(now: Date, result: string): Promise<void> {
  await db.catalogSyncLease.update({ where: { id: LEASE_ID }, data: { lastRunAt: now, lastResult: result.slice(0, 2000) } });
}

async function tick(intervalMs: number) {
  const now = new Date();
  // Slightly shorter than the interval, so the next tick (of any process) can claim again.
  if (!(await claimSyncLease(holder, now, Math.max(60_000, intervalMs * 0.9)))) return;
  try {
    const r = await syncCatalog({ now });
    await recordSyncRun(now, JSON.stringify(r));
  } catch (err) {
    await recordSyncRun(now, `failed: ${err instanceof Error ? err.message : String(err)}`).catch(() => undefined);
  }
}

const globalForSchedule = globalThis as unknown as { runwayCatalogTimer?: NodeJS.Timeout };

export function startCatalogSchedule(): void {
  const minutes = env.RUNWAY_CATALOG_SYNC_MINUTES;
  if (!minutes || globalForSchedule.runwayCatalogTimer) return;
  const intervalMs = minutes * 60_000;
  globalForSchedule.runwayCatalogTimer = setInterval(() => {
    tick(intervalMs).catch((err: unknown) => console.error("[catalog] scheduled sync:", err instanceof Error ? err.message : err));
  }, intervalMs);
  globalForSchedule.runwayCatalogTimer.unref();
}
