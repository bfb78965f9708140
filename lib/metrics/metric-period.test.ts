import { describe, expect, it } from "vitest";
import { MAX_POINTS, periodFor, RANGE_SECONDS, windowFor } from "./metric-period";

const now = Date.UTC(2026, 10, 30, 12, 0, 0);
const H = 3_600_000;

describe("periodFor", () => {
  it("picks the period each preset range gets", () => {
    const chosen = Object.fromEntries(Object.entries(RANGE_SECONDS).map(([k, s]) => [k, periodFor(now - s * 1000, now, now)]));
    expect(chosen).toEqual({ "1h": 60, "3h": 60, "12h": 60, "1d": 60, "3d": 300, "1w": 300 });
  });

  it("never goes under 60 s, even for a few minutes", () => {
    expect(periodFor(now - 5 * 60_000, now, now)).toBe(60);
    expect(periodFor(now - 1000, now, now)).toBe(60);
  });

  it("keeps every series within the point budget", () => {
    for (const hours of [1, 25, 49, 100, 24 * 8, 24 * 30, 24 * 400]) {
      const p = periodFor(now - hours * H, now, now);
      expect((hours * 3600) / p).toBeLessThanOrEqual(MAX_POINTS);
      expect(p % 60).toBe(0);
    }
    expect(periodFor(now - 24 * 8 * H, now, now)).toBe(900);
  });

  it("steps up for data CloudWatch only keeps at coarser resolution", () => {
    expect(periodFor(now - 20 * 24 * H, now - 19 * 24 * H, now)).toBe(300);
    expect(periodFor(now - 70 * 24 * H, now - 69 * 24 * H, now)).toBe(3600);
  });
});

describe("windowFor", () => {
  it("aligns a preset range to whole periods ending at or after now", () => {
    const w = windowFor("3d", now + 61_000, undefined);
    expect(w.period).toBe(300);
    expect(w.start % 300_000).toBe(0);
    expect(w.end % 300_000).toBe(0);
    expect(w.end).toBeGreaterThanOrEqual(now + 61_000);
  });

  it("takes a custom range as given (aligned) and refuses an inverted one", () => {
    const w = windowFor("custom", now, { start: now - 2 * H, end: now - H });
    expect(w).toMatchObject({ start: now - 2 * H, end: now - H, period: 60, range: "custom" });
    expect(() => windowFor("custom", now, { start: now, end: now - H })).toThrow();
  });
});
