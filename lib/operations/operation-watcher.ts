// Watches tracked operations (rows in TrackedOperation) to their end and records each final
// result once. Every console process runs one watcher; they share the table. Each due row
// is claimed with a lease (lib/leases/lease.ts) before it is checked, so only one process
// polls App Runner for it; a process that dies stops renewing and another takes over when
// the lease expires; a console that starts picks up whatever is still pending.
import "server-only";
import { db as sharedDb, type Db } from "@/lib/db";
import { claimLease, newLeaseOwner, releaseLease } from "@/lib/leases/lease";
import { checkOperation, type OperationOutcome, type OperationRef } from "./operation-status";
import { finishOperation } from "./finish-operation";
import type { TrackedOperationRow } from "./tracked-operation";

export interface OperationWatcherOptions {
  db?: Db;
  /** Lease owner name; a fresh one per process by default. */
  owner?: string;
  /** How often a pending operation is checked. */
  pollMs?: number;
  /** How long a claim lasts without renewal (renewed at every check). */
  leaseMs?: number;
  /** Stop watching (state "abandoned") an operation older than this. */
  giveUpMs?: number;
  /** At most this many due operations per tick. */
  batch?: number;
  check?: (op: OperationRef) => Promise<OperationOutcome>;
  /** Runs when an operation succeeded, before its row leaves "pending" (the service history
   *  records its version here, so a read in between never takes Runway's change for drift).
   *  A failure is logged and does not stop the result being recorded. */
  onSucceeded?: (row: TrackedOperationRow) => Promise<void>;
  clock?: () => Date;
}

export const leaseKey = (trackedId: string) => `operation:${trackedId}`;

export class OperationWatcher {
  readonly owner: string;
  readonly pollMs: number;
  private readonly db: Db;
  private readonly leaseMs: number;
  private readonly giveUpMs: number;
  private readonly batch: number;
  private readonly check: (op: OperationRef) => Promise<OperationOutcome>;
  private readonly clock: () => Date;
  private readonly onSucceeded?: (row: TrackedOperationRow) => Promise<void>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  private lastError = "";

  constructor(opts: OperationWatcherOptions = {}) {
    this.db = opts.db ?? sharedDb;
    this.owner = opts.owner ?? newLeaseOwner();
    this.pollMs = opts.pollMs ?? 2_000;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.giveUpMs = opts.giveUpMs ?? 45 * 60_000;
    this.batch = opts.batch ?? 25;
    this.check = opts.check ?? checkOperation;
    this.clock = opts.clock ?? (() => new Date());
    this.onSucceeded = opts.onSucceeded;
  }

  /** One pass over the due operations. Returns how many final results this watcher recorded. */
  tick(): Promise<number> {
    // Never two passes at once in one watcher (a slow check must not be doubled by the timer).
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = this.clock();
    const due = await this.db.trackedOperation.findMany({ where: { state: "pending", nextCheckAt: { lte: now } }, orderBy: { nextCheckAt: "asc" }, take: this.batch });
    let finished = 0;
    for (const row of due) {
      const key = leaseKey(row.id);
      if (!(await claimLease(this.db, key, this.owner, this.leaseMs, this.clock()))) continue;
      let outcome: OperationOutcome = { done: false };
      try {
        outcome = await this.check(row);
      } catch {
        // Transient errors (throttling, an endpoint restarting): check again next time.
      }
      const after = this.clock();
      if (outcome.done) {
        if (outcome.ok && this.onSucceeded) {
          await this.onSucceeded(row).catch((err: unknown) => console.error(`[operations] after ${row.operationId} succeeded:`, err instanceof Error ? err.message : err));
        }
        if (await finishOperation(this.db, row, outcome, after)) finished++;
        await releaseLease(this.db, key, this.owner);
      } else if (after.getTime() - row.createdAt.getTime() > this.giveUpMs) {
        await this.db.trackedOperation.updateMany({ where: { id: row.id, state: "pending" }, data: { state: "abandoned", finishedAt: after } });
        await releaseLease(this.db, key, this.owner);
      } else {
        await this.db.trackedOperation.update({ where: { id: row.id }, data: { checks: { increment: 1 }, nextCheckAt: new Date(after.getTime() + this.pollMs) } });
      }
    }
    return finished;
  }

  /** Polls until stop(). Errors (a database restarting) are logged once and retried. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      try {
        await this.tick();
        this.lastError = "";
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (message !== this.lastError) console.error(`[operations] watcher pass failed: ${message}`);
        this.lastError = message;
      }
      if (!this.stopped) this.timer = setTimeout(loop, this.pollMs).unref();
    };
    this.timer = setTimeout(loop, 0).unref();
  }

  /** Stops polling, waits for a pass in progress and hands our leases back so another process resumes at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => 0);
    await this.db.lease.deleteMany({ where: { owner: this.owner } });
  }
}
