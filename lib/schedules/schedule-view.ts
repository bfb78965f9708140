// What the service page and the cost pages show of a schedule: its windows in words, the zone,
// the next pause and resume, what the scheduler last did (and whether it is retrying), and the
// monthly saving priced with the region's price table.
import "server-only";
import type { AppRunnerClient } from "@aws-sdk/client-apprunner";
import { db } from "@/lib/db";
import { describeAutoScaling } from "@/lib/autoscaling/describe-auto-scaling";
import { getPriceTable } from "@/lib/costs/price-tables";
import { sizeFromAppRunner, sizeLabel } from "@/lib/pricing/instance-sizes";
import type { ServiceView } from "@/lib/services/service-view";
import { describeWindow, type Schedule } from "./schedule-model";
import { scheduleOf, type ScheduleRow } from "./schedule-row";
import { scheduleSavings, type ScheduleSavings } from "./schedule-savings";
import { nextPauseAndResume } from "./schedule-windows";

export interface SavingsView extends ScheduleSavings {
  sizeLabel: string;
  provisionedInstances: number;
  priceSource: string;
}

export interface ScheduleView {
  id: string;
  serviceArn: string;
  serviceName: string;
  region: string;
  schedule: Schedule;
  summary: string[];
  enabled: boolean;
  nextPause: string | null;
  nextResume: string | null;
  /** when the scheduler looks next (a retry when failures > 0) */
  nextRunAt: string;
  lastResult: string | null;
  lastRunAt: string | null;
  lastError: string | null;
  failures: number;
  updatedAt: string;
}

export function toScheduleView(row: ScheduleRow, now = new Date()): ScheduleView {
  const schedule = scheduleOf(row);
  const next = nextPauseAndResume(schedule, now);
  return {
    id: row.id,
    serviceArn: row.serviceArn,
    serviceName: row.serviceName,
    region: row.region,
    schedule,
    summary: schedule.windows.map(describeWindow),
    enabled: row.enabled,
    nextPause: next.pause?.toISOString() ?? null,
    nextResume: next.resume?.toISOString() ?? null,
    nextRunAt: row.nextRunAt.toISOString(),
    lastResult: row.lastResult,
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    lastError: row.lastError,
    failures: row.failures,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** When the service's schedule row last changed (a save, or the scheduler acting), or null: what an open page polls. */
export async function scheduleStamp(serviceArn: string): Promise<string | null> {
  const row = await db.serviceSchedule.findUnique({ where: { serviceArn }, select: { updatedAt: true } });
  return row ? row.updatedAt.toISOString() : null;
}

export async function getScheduleView(serviceArn: string): Promise<ScheduleView | null> {
  const row = await db.serviceSchedule.findUnique({ where: { serviceArn } });
  return row ? toScheduleView(row) : null;
}

export async function listScheduleRows(): Promise<ScheduleRow[]> {
  return db.serviceSchedule.findMany({ orderBy: [{ serviceName: "asc" }] });
}

/**
 * The saving of `schedule` for this service as it is configured now, over the estimator's
 * month from the start of the hour of `now`; null when its size is unknown.
 */
export async function savingsFor(client: AppRunnerClient, view: Pick<ServiceView, "cpu" | "memory" | "autoScaling" | "region">, schedule: Schedule, now = new Date()): Promise<SavingsView | null> {
  const size = sizeFromAppRunner(view.cpu, view.memory);
  if (!size) return null;
  const [scaling, table] = await Promise.all([view.autoScaling?.arn ? describeAutoScaling(client, view.autoScaling.arn).catch(() => undefined) : undefined, getPriceTable(view.region)]);
  const provisionedInstances = scaling?.minSize ?? 1;
  return { ...scheduleSavings({ schedule, size, provisionedInstances, prices: table.prices.appRunner, now }), sizeLabel: sizeLabel(size), provisionedInstances, priceSource: table.source };
}
