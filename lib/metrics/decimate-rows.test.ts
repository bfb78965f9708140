import { describe, expect, it } from "vitest";
import { decimateRows } from "./decimate-rows";
import type { MetricRow } from "./metric-series";

const week = (n: number, f: (i: number) => Partial<Record<string, number>>): MetricRow[] => Array.from({ length: n }, (_, i) => ({ t: i * 300_000, ...f(i) }) as MetricRow);

describe("decimateRows", () => {
  it("leaves a range that fits the chart alone", () => {
    const rows = week(180, (i) => ({ a: i }));
    expect(decimateRows(rows, ["a"], 250)).toBe(rows);
  });

  it("draws a week of 2,016 points with at most two real points per bucket and line", () => {
    const rows = week(2016, (i) => ({ a: Math.sin(i / 20) }));
    const drawn = decimateRows(rows, ["a"], 250);
    expect(drawn.length).toBeLessThanOrEqual(2 * 250 + 2);
    expect(drawn.length).toBeGreaterThan(250);
    // every drawn row is one of the rows, in time order
    for (const r of drawn) expect(rows).toContain(r);
    expect(drawn.map((r) => r.t)).toEqual([...drawn.map((r) => r.t)].sort((x, y) => x - y));
    expect(drawn[0]).toBe(rows[0]);
    expect(drawn.at(-1)).toBe(rows.at(-1));
  });

  it("keeps a one-point spike and a one-point dip of every line", () => {
    const rows = week(2016, (i) => ({ a: i === 1000 ? 500 : 10, b: i === 1500 ? -3 : 7 }));
    const drawn = decimateRows(rows, ["a", "b"], 250);
    expect(drawn.some((r) => r.a === 500)).toBe(true);
    expect(drawn.some((r) => r.b === -3)).toBe(true);
    expect(Math.max(...drawn.map((r) => r.a ?? 0))).toBe(500);
  });

  it("keeps a gap a gap: a row without the line's value stays among the drawn rows", () => {
    const rows = week(2016, (i) => (i >= 700 && i < 720 ? {} : { a: 1 }));
    const drawn = decimateRows(rows, ["a"], 250);
    expect(drawn.some((r) => r.t >= 700 * 300_000 && r.t < 720 * 300_000 && r.a === undefined)).toBe(true);
  });
});
