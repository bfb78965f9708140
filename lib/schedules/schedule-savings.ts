// What a schedule saves a month, priced with the estimator's module (lib/pricing/). A paused
// service costs nothing; while it runs, App Runner bills its provisioned instances' memory
// and, for the active ones, vCPU too. So each hour the schedule keeps the service paused
// saves one hour of the service as it would otherwise run there. We do not know how busy it
// would be at night, so the caller says how many instances would be active (0 by default:
// idle provisioned memory only, the least the schedule saves).
//
// The month is the estimator's (730 hours), laid on the real calendar from the start of the
// current hour: a weekly average would ignore the exceptions (a date kept running or kept
// paused) and the 23- or 25-hour days of a daylight-saving change inside the span.
import { DEFAULT_MONTH_HOURS, priceAppRunner } from "@/lib/pricing/app-runner-cost";
import type { CostBreakdown } from "@/lib/pricing/cost-breakdown";
import type { InstanceSize } from "@/lib/pricing/instance-sizes";
import type { AppRunnerPrices } from "@/lib/pricing/price-table";
import type { Schedule } from "./schedule-model";
import { pausedMsBetween } from "./schedule-windows";
import { localTime } from "./zoned-time";

const HOUR_MS = 3_600_000;

export interface SavingsInput {
  schedule: Schedule;
  size: InstanceSize;
  /** instances kept provisioned while running (the auto scaling MinSize) */
  provisionedInstances: number;
  /** instances that would be active during the paused hours (default 0) */
  activeInstances?: number;
  prices: AppRunnerPrices;
  /** any instant in the hour the priced span starts (default: now) */
  now?: Date;
}

export interface ScheduleSavings {
  /** the priced span: DEFAULT_MONTH_HOURS from the start of the hour of `now` (ISO) */
  spanStart: string;
  spanEnd: string;
  spanHours: number;
  pausedHours: number;
  /** the schedule's exceptions whose date (in its zone) falls inside the span */
  exceptionsInSpan: number;
  /** the service running for the whole span as it runs now */
  alwaysOn: CostBreakdown;
  /** what the paused hours would have cost: the saving */
  saved: CostBreakdown;
  /** share of the always-on cost saved, 0..1 */
  share: number;
}

/** The start of the hour `now` falls in: every page that prices a schedule within the hour shows the same figure. */
export function savingsSpanStart(now: Date = new Date()): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
}

export function scheduleSavings(input: SavingsInput): ScheduleSavings {
  const provisioned = Math.max(1, input.provisionedInstances);
  const active = Math.min(provisioned, Math.max(0, input.activeInstances ?? 0));
  const start = savingsSpanStart(input.now);
  const end = new Date(start.getTime() + DEFAULT_MONTH_HOURS * HOUR_MS);
  const pausedHours = pausedMsBetween(input.schedule, start, end) / HOUR_MS;
  const hoursOf = (hours: number) =>
    priceAppRunner(
      { size: input.size, activeInstanceHours: active * hours, idleInstanceHours: (provisioned - active) * hours, autoDeploy: false, builds: 0, minutesPerBuild: 0, dataOutGb: 0, requests: 0 },
      input.prices,
    );
  const alwaysOn = hoursOf(DEFAULT_MONTH_HOURS);
  const saved = hoursOf(pausedHours);
  const [firstDate, lastDate] = [localTime(start, input.schedule.timeZone).date, localTime(end.getTime() - 1, input.schedule.timeZone).date];
  return {
    spanStart: start.toISOString(),
    spanEnd: end.toISOString(),
    spanHours: DEFAULT_MONTH_HOURS,
    pausedHours,
    exceptionsInSpan: input.schedule.exceptions.filter((e) => e.date >= firstDate && e.date <= lastDate).length,
    alwaysOn,
    saved: { ...saved, lines: saved.lines.filter((l) => l.amount > 0) },
    share: alwaysOn.total > 0 ? saved.total / alwaysOn.total : 0,
  };
}
