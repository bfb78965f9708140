// What a schedule saves a month, priced with the estimator's module (lib/pricing/). A paused
// service costs nothing; while it runs, App Runner bills its provisioned instances' memory
// and, for the active ones, vCPU too. So each hour the schedule keeps the service paused
// saves one hour of the service as it would otherwise run there. We do not know how busy it
// would be at night, so the caller says how many instances would be active (0 by default:
// idle provisioned memory only, the least the schedule saves).
import { DEFAULT_MONTH_HOURS, priceAppRunner } from "@/lib/pricing/app-runner-cost";
import type { CostBreakdown } from "@/lib/pricing/cost-breakdown";
import type { InstanceSize } from "@/lib/pricing/instance-sizes";
import type { AppRunnerPrices } from "@/lib/pricing/price-table";
import type { Schedule } from "./schedule-model";
import { runningHoursPerWeek } from "./schedule-windows";

export interface SavingsInput {
  schedule: Pick<Schedule, "windows">;
  size: InstanceSize;
  /** instances kept provisioned while running (the auto scaling MinSize) */
  provisionedInstances: number;
  /** instances that would be active during the paused hours (default 0) */
  activeInstances?: number;
  prices: AppRunnerPrices;
}

export interface ScheduleSavings {
  runningHoursPerWeek: number;
  pausedHoursPerMonth: number;
  /** the service running all month as it runs now */
  alwaysOn: CostBreakdown;
  /** what the paused hours would have cost: the saving */
  saved: CostBreakdown;
  /** share of the always-on cost saved, 0..1 */
  share: number;
}

export function scheduleSavings(input: SavingsInput): ScheduleSavings {
  const provisioned = Math.max(1, input.provisionedInstances);
  const active = Math.min(provisioned, Math.max(0, input.activeInstances ?? 0));
  const running = runningHoursPerWeek(input.schedule);
  const pausedShare = (168 - running) / 168;
  const hoursOf = (hours: number) =>
    priceAppRunner(
      { size: input.size, activeInstanceHours: active * hours, idleInstanceHours: (provisioned - active) * hours, autoDeploy: false, builds: 0, minutesPerBuild: 0, dataOutGb: 0, requests: 0 },
      input.prices,
    );
  const pausedHoursPerMonth = DEFAULT_MONTH_HOURS * pausedShare;
  const alwaysOn = hoursOf(DEFAULT_MONTH_HOURS);
  const saved = hoursOf(pausedHoursPerMonth);
  return { runningHoursPerWeek: running, pausedHoursPerMonth, alwaysOn, saved: { ...saved, lines: saved.lines.filter((l) => l.amount > 0) }, share: alwaysOn.total > 0 ? saved.total / alwaysOn.total : 0 };
}
