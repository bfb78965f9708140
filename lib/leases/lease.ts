// Leases on background work shared by every console process on one database. Whoever holds
// the lease on a key (e.g. "operation:<id>", "schedule:<id>") may act on it until the lease
// expires; a process that dies simply stops renewing, and another takes over after the TTL.
// Claims are single conditional writes, so they are atomic on SQLite (writes serialize) and
// on PostgreSQL (an UPDATE re-checks its WHERE on the row it waited for). A lease limits
// duplicate work; effects that must happen exactly once still need their own conditional
// write (see lib/operations/finish-operation.ts).
import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

type LeaseDb = Pick<Db, "lease">;

/** A name for this process as a lease owner: readable in the table, unique across restarts. */
export function newLeaseOwner(label = "console"): string {
  return `${label}:${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/**
 * Takes the lease on `key` for `owner` (or renews it) when it is free, expired or already
 * ours. Returns whether `owner` now holds it until now + ttlMs.
 */
export async function claimLease(db: LeaseDb, key: string, owner: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.lease.updateMany({ where: { key, OR: [{ owner }, { expiresAt: { lt: now } }] }, data: { owner, expiresAt } });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { key, owner, expiresAt } });
    return true;
  } catch (err) {
    // Someone else holds it (or created it between our two statements).
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Lets go of a lease we hold (no-op if it expired and someone else took it). */
export async function releaseLease(db: LeaseDb, key: string, owner: string): Promise<void> {
  await db.lease.deleteMany({ where: { key, owner } });
}

/** Drops leases that expired long ago (their work is finished or abandoned). */
export async function pruneLeases(db: LeaseDb, olderThan: Date): Promise<number> {
  return (await db.lease.deleteMany({ where: { expiresAt: { lt: olderThan } } })).count;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}
