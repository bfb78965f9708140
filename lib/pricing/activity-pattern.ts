// A week of activity as a 7 × 24 grid (Monday first, hours 0–23): true when the service serves
// traffic in that hour. Stored compactly as 7 strings of 24 "0"/"1".
export type WeekGrid = boolean[][];

export const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const HOURS_PER_WEEK = 168;

const grid = (on: (day: number, hour: number) => boolean): WeekGrid => Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => on(d, h)));

export const presets = {
  "always-on": { label: "Always on", grid: () => grid(() => true) },
  "office-hours": { label: "Office hours", grid: () => grid((d, h) => d < 5 && h >= 8 && h < 18) },
  "nightly-batch": { label: "Nightly batch", grid: () => grid((_d, h) => h >= 1 && h < 4) },
} as const;
export type PresetId = keyof typeof presets;

export const activeHoursPerWeek = (g: WeekGrid): number => g.reduce((s, day) => s + day.filter(Boolean).length, 0);

export function encodeGrid(g: WeekGrid): string[] {
  return g.map((day) => day.map((on) => (on ? "1" : "0")).join(""));
}

export function decodeGrid(rows: readonly string[]): WeekGrid {
  if (rows.length !== 7 || rows.some((r) => !/^[01]{24}$/.test(r))) throw new RangeError("An activity pattern is 7 days of 24 hours");
  return rows.map((r) => [...r].map((c) => c === "1"));
}
