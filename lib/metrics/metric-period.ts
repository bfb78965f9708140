// Which time window and period a metrics view asks CloudWatch for. Pure, so the choice is
// unit-tested on known figures.

export const RANGES = ["1h", "3h", "12h", "1d", "3d", "1w"] as const;
export type RangeKey = (typeof RANGES)[number];

export const RANGE_SECONDS: Record<RangeKey, number> = {
  "1h": 3_600,
  "3h": 3 * 3_600,
  "12h": 12 * 3_600,
  "1d": 86_400,
  "3d": 3 * 86_400,
  "1w": 7 * 86_400,
};

/** Periods CloudWatch's own console offers; every one is a multiple of 60, as GetMetricData wants past 3 h. */
const PERIODS = [60, 300, 900, 3_600, 6 * 3_600, 86_400];

/**
 * Most points a series may have. A week at 5 minutes (2,016 points) is the largest view the
 * product promises; a day at 1 minute is 1,440. Past that the period steps up.
 */
export const MAX_POINTS = 2_016;

const DAY = 86_400_000;

/**
 * The smallest period (never under 60 s) that keeps a series within MAX_POINTS, and that
 * CloudWatch still holds at that resolution: 1-minute data lives 15 days, 5-minute data 63 days,
 * then only hourly.
 */
export function periodFor(startMs: number, endMs: number, nowMs: number = Date.now()): number {
  const seconds = Math.max(1, (endMs - startMs) / 1000);
  const age = nowMs - startMs;
  const floor = age > 63 * DAY ? 3_600 : age > 15 * DAY ? 300 : 60;
  for (const p of PERIODS) if (p >= floor && seconds / p <= MAX_POINTS) return p;
  // Longer than 5.5 years at a day a point: a multiple of a day that fits.
  return Math.ceil(seconds / MAX_POINTS / 86_400) * 86_400;
}

export interface TimeWindow {
  start: number;
  end: number;
  period: number;
  range: RangeKey | "custom";
}

/** A preset range ending now, or a custom one; both aligned to the period so refreshes reuse buckets. */
export function windowFor(range: RangeKey | "custom", nowMs: number, custom?: { start: number; end: number }): TimeWindow {
  let start: number;
  let end: number;
  if (range === "custom") {
    if (!custom || !(custom.start < custom.end)) throw new Error("A custom range needs a start before its end");
    ({ start, end } = custom);
  } else {
    end = nowMs;
    start = nowMs - RANGE_SECONDS[range] * 1000;
  }
  const period = periodFor(start, end, nowMs);
  const step = period * 1000;
  // Whole periods: the first bucket starts on a boundary, the last one contains `end`.
  return { start: Math.floor(start / step) * step, end: Math.ceil(end / step) * step, period, range };
}

export function isRangeKey(v: unknown): v is RangeKey {
  return typeof v === "string" && (RANGES as readonly string[]).includes(v);
}
