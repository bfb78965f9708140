import { describe, expect, it } from "vitest";
import { defaultPriceTables } from "@/lib/pricing/default-price-tables";
import { roundCents } from "@/lib/pricing/money";
import { estimateUsage } from "@/lib/pricing/usage-estimate";

const prices = defaultPriceTables.find((t) => t.region === "us-east-1")!.prices;
const HOUR = 3_600_000;
const start = Date.UTC(2026, 10, 1);

describe("estimateUsage", () => {
  it("prices each day from hourly active instances and projects the month", () => {
    // Day 1: one instance active all 24 h. Day 2: no data (idle at MinSize 1).
    const points = Array.from({ length: 24 }, (_, i) => ({ t: start + i * HOUR, avgActive: 1, maxActive: 2, requests: 100 }));
    const e = estimateUsage({ size: { vcpu: 1, memoryGb: 2 }, minSize: 1, autoDeploy: true, start, hours: 48, points }, prices);
    expect(e.days.map((d) => d.day)).toEqual(["2026-11-01", "2026-11-02"]);
    expect(roundCents(e.days[0]!.cost.total)).toBe(roundCents(24 * 0.078));
    expect(roundCents(e.days[1]!.cost.total)).toBe(roundCents(24 * 0.014));
    expect(e.days[0]!.peakActive).toBe(2);
    expect(e.hoursWithData).toBe(24);
    // 48 hours scaled to 730, plus the $1 auto-deploy fee once for the month.
    expect(e.projectedMonth.total).toBeCloseTo((730 / 48) * (24 * 0.078 + 24 * 0.014) + 1, 9);
    expect(e.requests).toBe(2400);
    expect(e.assumed.join(" ")).toMatch(/MinSize \(1\)/);
  });

  it("zero hours projects nothing", () => {
    const e = estimateUsage({ size: { vcpu: 1, memoryGb: 2 }, minSize: 1, autoDeploy: false, start, hours: 0, points: [] }, prices);
    expect(e.days).toEqual([]);
    expect(e.projectedMonth.total).toBe(0);
  });

  it("prices a service created inside the window from its creation hour, not for days before it existed", () => {
    // Created at 10:20 on day 7 of a 7-day window, idle (no ActiveInstances) at MinSize 1 since.
    const createdAt = start + 6 * 24 * HOUR + 10 * HOUR + 20 * 60_000;
    const e = estimateUsage({ size: { vcpu: 1, memoryGb: 2 }, minSize: 1, autoDeploy: false, start, hours: 7 * 24, points: [], createdAt }, prices);
    expect(e.hours).toBe(14); // 10:00 (the creation hour) to midnight
    expect(e.days.map((d) => d.day)).toEqual(["2026-11-07"]);
    expect(e.periodTotal).toBeCloseTo(14 * 2 * 0.007, 9);
    // The month projects the same idle rate, not a seventh of it.
    expect(e.projectedMonth.total).toBeCloseTo(730 * 2 * 0.007, 9);
    expect(e.measured.join(" ")).toMatch(/0 of 14 hours had data \(the service was created 2026-11-07 10:20 UTC/);
    // Created before the window: every hour counts, as without createdAt.
    const old = estimateUsage({ size: { vcpu: 1, memoryGb: 2 }, minSize: 1, autoDeploy: false, start, hours: 48, points: [], createdAt: start - 5 * HOUR }, prices);
    expect(old.hours).toBe(48);
  });
});
