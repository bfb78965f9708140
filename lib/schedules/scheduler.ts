// The scheduler: runs inside every console process and pauses or resumes services when their
// schedules say so. Schedules and their next run live in the database (ServiceSchedule), so
// a console that restarts simply finds the rows that fell due while it was down and applies
// the state each schedule asks for *now*. Two processes on one database never both fire:
// each due row is claimed first with the generic lease, then with a conditional write that
// moves nextRunAt forward (only the process whose write changed the row acts), so even a
// lease that expired under a slow process cannot double an action. A process that dies after
// its claim leaves nextRunAt a lease's length ahead; another process retries then.
import "server-only";
import { DescribeServiceCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";
import { db as sharedDb, type Db } from "@/lib/db";
import { appRunnerClient } from "@/lib/aws/clients";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { claimLease, newLeaseOwner, releaseLease } from "@/lib/leases/lease";
import { trackOperation } from "@/lib/operations/track-operation";
import type { TrackOperationInput } from "@/lib/operations/tracked-operation";
import { describeAwsError, formatAwsError } from "@/lib/services/aws-error";
import { pauseService } from "@/lib/services/pause-service";
import { resumeService } from "@/lib/services/resume-service";
import { IDLE_RECHECK_MS, retryDelayMs, scheduleOf, type ScheduleRow } from "./schedule-row";
import { desiredStateAt, nextTransition } from "./schedule-windows";

export const scheduleActor: AuditActor = { actor: "schedule" };
export const scheduleLeaseKey = (id: string) => `schedule:${id}`;

export type ScheduleResult = "paused" | "resumed" | "unchanged" | "failed" | "skipped";

export interface SchedulerOptions {
  db?: Db;
  owner?: string;
  pollMs?: number;
  /** How long a claim holds a row (and how soon another process retries a crashed one). */
  leaseMs?: number;
  batch?: number;
  clock?: () => Date;
  clientFor?: (row: ScheduleRow) => Promise<AppRunnerClient>;
  track?: (input: TrackOperationInput) => Promise<void>;
  retryDelay?: (failures: number) => number;
}

interface Outcome {
  result: ScheduleResult;
  error?: string;
  /** disable the schedule (its service is gone) */
  disable?: boolean;
}

export class Scheduler {
  readonly owner: string;
  readonly pollMs: number;
  private readonly db: Db;
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly clock: () => Date;
  private readonly clientFor: (row: ScheduleRow) => Promise<AppRunnerClient>;
  private readonly track: (input: TrackOperationInput) => Promise<void>;
  private readonly retryDelay: (failures: number) => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  private lastError = "";

  constructor(opts: SchedulerOptions = {}) {
    this.db = opts.db ?? sharedDb;
    this.owner = opts.owner ?? newLeaseOwner("scheduler");
    this.pollMs = opts.pollMs ?? 2_000;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.batch = opts.batch ?? 25;
    this.clock = opts.clock ?? (() => new Date());
    this.clientFor = opts.clientFor ?? ((row) => appRunnerClient(row.connectionId, row.region));
    this.track = opts.track ?? trackOperation;
    this.retryDelay = opts.retryDelay ?? retryDelayMs;
  }

  /** One pass over the due schedules. Returns how many pause/resume requests this process made. */
  tick(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = this.clock();
    const due = await this.db.serviceSchedule.findMany({ where: { enabled: true, nextRunAt: { lte: now } }, orderBy: { nextRunAt: "asc" }, take: this.batch });
    let acted = 0;
    for (const row of due) {
      const key = scheduleLeaseKey(row.id);
      // A busy database (SQLite answers SQLITE_BUSY while another process writes) is a claim
      // lost for this round: the row stays due and the next pass tries again.
      if (!(await claimLease(this.db, key, this.owner, this.leaseMs, this.clock()).catch(() => false))) continue;
      try {
        const hold = new Date(this.clock().getTime() + this.leaseMs);
        const claimed = await this.db.serviceSchedule.updateMany({ where: { id: row.id, enabled: true, nextRunAt: row.nextRunAt }, data: { nextRunAt: hold } }).catch(() => ({ count: 0 }));
        if (claimed.count !== 1) continue; // another process fired it, someone edited it, or the database was busy
        const outcome = await this.apply(row).catch((err: unknown): Outcome => ({ result: "failed", error: err instanceof Error ? err.message : String(err) }));
        if (outcome.result === "paused" || outcome.result === "resumed") acted++;
        await this.record(row, hold, outcome);
      } finally {
        await releaseLease(this.db, key, this.owner).catch(() => undefined); // it expires anyway
      }
    }
    return acted;
  }

  /** Brings the service to the state its schedule asks for at this moment. */
  private async apply(row: ScheduleRow): Promise<Outcome> {
    const desired = desiredStateAt(scheduleOf(row), this.clock());
    const client = await this.clientFor(row);
    let status: string;
    try {
      status = (await client.send(new DescribeServiceCommand({ ServiceArn: row.serviceArn }))).Service?.Status ?? "";
    } catch (err) {
      if (describeAwsError(err).code === "ResourceNotFoundException") return { result: "skipped", error: "The service no longer exists; the schedule is turned off.", disable: true };
      throw err;
    }
    if (status === "DELETED") return { result: "skipped", error: "The service was deleted; the schedule is turned off.", disable: true };
    if ((status === "RUNNING" && desired === "running") || (status === "PAUSED" && desired === "paused")) return { result: "unchanged" };
    if (status === "OPERATION_IN_PROGRESS") return { result: "failed", error: `An operation is in progress; will ${desired === "paused" ? "pause" : "resume"} when it ends.` };
    if (status !== "RUNNING" && status !== "PAUSED") return { result: "skipped", error: `The service is ${status}; a schedule only pauses a running service and resumes a paused one.` };

    const action = desired === "paused" ? "service.pause" : "service.resume";
    const details = { action, target: row.serviceArn, connectionId: row.connectionId, region: row.region };
    const request = { scheduleId: row.id, desired, timeZone: row.timeZone };
    let operationId: string | undefined;
    try {
      operationId = desired === "paused" ? await pauseService(client, row.serviceArn) : await resumeService(client, row.serviceArn);
    } catch (err) {
      await recordAuditEvent(scheduleActor, { ...details, result: "failed", error: formatAwsError(err), request });
      return { result: "failed", error: formatAwsError(err) };
    }
    await recordAuditEvent(scheduleActor, { ...details, result: "requested", request: { ...request, operationId } });
    if (operationId) {
      // AWS took the request: failing to track it must not undo the schedule's bookkeeping.
      await this.track({ action, serviceArn: row.serviceArn, operationId, connectionId: row.connectionId, region: row.region, actor: scheduleActor, request }).catch((err: unknown) =>
        console.error(`[schedules] could not track ${operationId}:`, err instanceof Error ? err.message : err),
      );
    }
    return { result: desired === "paused" ? "paused" : "resumed" };
  }

  private async record(row: ScheduleRow, hold: Date, outcome: Outcome): Promise<void> {
    const now = this.clock();
    const failed = outcome.result === "failed";
    const failures = failed ? row.failures + 1 : 0;
    let nextRunAt: Date;
    let desired: string | null = null;
    try {
      const schedule = scheduleOf(row);
      desired = desiredStateAt(schedule, now);
      nextRunAt = failed ? new Date(now.getTime() + this.retryDelay(failures)) : (nextTransition(schedule, now)?.at ?? new Date(now.getTime() + IDLE_RECHECK_MS));
    } catch {
      nextRunAt = new Date(now.getTime() + this.retryDelay(failures));
    }
    // Conditional on our hold: a user who saved the schedule meanwhile has set its next run.
    await this.db.serviceSchedule.updateMany({
      where: { id: row.id, nextRunAt: hold },
      data: { nextRunAt, failures, lastDesired: desired, lastResult: outcome.result, lastRunAt: now, lastError: outcome.error ?? null, ...(outcome.disable ? { enabled: false } : {}) },
    });
  }

  /** Polls until stop(); a failing pass (the database restarting) is logged once and retried. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      try {
        await this.tick();
        this.lastError = "";
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (message !== this.lastError) console.error(`[schedules] scheduler pass failed: ${message}`);
        this.lastError = message;
      }
      if (!this.stopped) this.timer = setTimeout(loop, this.pollMs).unref();
    };
    this.timer = setTimeout(loop, 0).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }
}

const globalForScheduler = globalThis as unknown as { runwayScheduler?: Scheduler };

/** This process's scheduler (instrumentation.ts starts it with the server). */
export function startScheduler(): Scheduler {
  const s = (globalForScheduler.runwayScheduler ??= new Scheduler());
  s.start();
  return s;
}
