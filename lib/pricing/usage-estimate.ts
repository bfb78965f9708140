// Prices real usage: ActiveInstances per hour (CloudWatch Average) for each day, with the
// service's size and MinSize from App Runner, then projects a month from the days seen.
import { DEFAULT_MONTH_HOURS, priceAppRunner } from "@/lib/pricing/app-runner-cost";
import { amountsByCategory, type CostBreakdown, type CostCategory } from "@/lib/pricing/cost-breakdown";
import type { InstanceSize } from "@/lib/pricing/instance-sizes";
import type { PriceFigures } from "@/lib/pricing/price-table";

export interface HourPoint {
  /** start of the hour, epoch ms */
  t: number;
  /** ActiveInstances Average over the hour */
  avgActive: number;
  /** ActiveInstances Maximum over the hour */
  maxActive: number;
  /** Requests Sum over the hour, when read */
  requests?: number;
}

export interface UsageInput {
  size: InstanceSize;
  minSize: number;
  autoDeploy: boolean;
  /** first hour covered (epoch ms, on the hour) and how many hours */
  start: number;
  hours: number;
  points: readonly HourPoint[];
  monthHours?: number;
  /** when the service was created (epoch ms): hours before its creation hour cost nothing and are not read */
  createdAt?: number;
}

export interface UsageDay {
  /** YYYY-MM-DD (UTC) */
  day: string;
  hours: number;
  activeInstanceHours: number;
  peakActive: number;
  requests: number;
  cost: CostBreakdown;
  byCategory: Partial<Record<CostCategory, number>>;
}

export interface UsageEstimate {
  days: UsageDay[];
  hours: number;
  hoursWithData: number;
  activeInstanceHours: number;
  idleInstanceHours: number;
  requests: number;
  /** all days together, without the monthly auto-deploy fee */
  periodTotal: number;
  projectedMonth: CostBreakdown;
  measured: string[];
  assumed: string[];
}

const HOUR = 3_600_000;

export function estimateUsage(u: UsageInput, prices: PriceFigures): UsageEstimate {
  const monthHours = u.monthHours ?? DEFAULT_MONTH_HOURS;
  // A service created inside the window is priced from its creation hour: it provisioned
  // nothing before it existed, and its month is projected from the hours it has lived.
  const skipped = u.createdAt === undefined ? 0 : Math.min(u.hours, Math.max(0, Math.floor((Math.floor(u.createdAt / HOUR) * HOUR - u.start) / HOUR)));
  const first = u.start + skipped * HOUR;
  const hours = u.hours - skipped;
  const byHour = new Map<number, HourPoint>();
  for (const p of u.points) byHour.set(Math.floor(p.t / HOUR) * HOUR, p);

  const days: UsageDay[] = [];
  let active = 0;
  let idle = 0;
  let requests = 0;
  let withData = 0;
  type DayAcc = { day: string; hours: number; active: number; idle: number; peak: number; requests: number };
  let current: DayAcc | null = null as DayAcc | null;
  const flush = () => {
    if (!current) return;
    const cost = priceAppRunner(
      { size: u.size, activeInstanceHours: current.active, idleInstanceHours: current.idle, autoDeploy: false, builds: 0, minutesPerBuild: 0, dataOutGb: 0, requests: current.requests },
      prices.appRunner,
    );
    days.push({ day: current.day, hours: current.hours, activeInstanceHours: current.active, peakActive: current.peak, requests: current.requests, cost, byCategory: amountsByCategory(cost) });
  };
  for (let i = 0; i < hours; i++) {
    const t = first + i * HOUR;
    const day = new Date(t).toISOString().slice(0, 10);
    if (current?.day !== day) {
      flush();
      current = { day, hours: 0, active: 0, idle: 0, peak: 0, requests: 0 };
    }
    const p = byHour.get(t);
    if (p) withData++;
    const a = Math.max(0, p?.avgActive ?? 0);
    // App Runner keeps MinSize provisioned; instances beyond those serving are idle (memory only).
    const idleHere = Math.max(0, u.minSize - a);
    current.hours++;
    current.active += a;
    current.idle += idleHere;
    current.peak = Math.max(current.peak, p?.maxActive ?? 0);
    current.requests += p?.requests ?? 0;
    active += a;
    idle += idleHere;
    requests += p?.requests ?? 0;
  }
  flush();

  const scale = hours > 0 ? monthHours / hours : 0;
  const projectedMonth = priceAppRunner(
    { size: u.size, activeInstanceHours: active * scale, idleInstanceHours: idle * scale, autoDeploy: u.autoDeploy, builds: 0, minutesPerBuild: 0, dataOutGb: 0, requests: requests * scale },
    prices.appRunner,
  );
  return {
    days,
    hours,
    hoursWithData: withData,
    activeInstanceHours: active,
    idleInstanceHours: idle,
    requests,
    periodTotal: days.reduce((s, d) => s + d.cost.total, 0),
    projectedMonth,
    measured: [
      `Active instances per hour (CloudWatch ActiveInstances, Average and Maximum): ${withData} of ${hours} hours had data${skipped ? ` (the service was created ${new Date(u.createdAt!).toISOString().slice(0, 16).replace("T", " ")} UTC; earlier hours cost nothing)` : ""}.`,
      "Requests per hour (CloudWatch Requests, Sum).",
      `Instance size and MinSize (${u.minSize}) and automatic deployments from the service's current App Runner configuration.`,
    ],
    assumed: [
      `Provisioned instances were MinSize (${u.minSize}) in every hour since the service was created, including hours before the current configuration and hours the service was paused.`,
      "Hours without a data point count as zero active instances.",
      "Data transfer out and builds are not measured by App Runner metrics: counted as zero.",
      `The month is ${monthHours} hours, projected from the ${hours} hours read at the same rate.`,
    ],
  };
}
