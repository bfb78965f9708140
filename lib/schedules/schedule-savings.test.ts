import { describe, expect, it } from "vitest";
import type { AppRunnerPrices } from "@/lib/pricing/price-table";
import type { Schedule, ScheduleException } from "./schedule-model";
import { scheduleSavings } from "./schedule-savings";

const prices: AppRunnerPrices = { vcpuHour: 0.064, gbHour: 0.007, provisionedGbHour: 0.007, autoDeployMonth: 1, buildMinute: 0.005, requestsPerMillion: 0, dataOutGb: 0.09 };
const workdays = (exceptions: ScheduleException[] = []): Schedule => ({ timeZone: "Europe/Berlin", windows: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "19:00" }], exceptions });
// Monday 30 Nov 2026, 00:00 in Berlin. 730 hours later it is Wednesday 30 Dec, 10:00 there:
// four weeks (4 × 55 running hours), then Mon 11 + Tue 11 + Wed 08–10 2 = 244 running, 486 paused.
const monday = new Date("2026-11-29T23:00:00Z");
const oneGb = { size: { vcpu: 1, memoryGb: 2 }, provisionedInstances: 1, prices, now: monday };

describe("schedule savings over the estimator's month (730 h) on the real calendar", () => {
  it("saves the idle provisioned memory of the paused hours (Mon–Fri 08–19 Berlin: 486 of 730 hours)", () => {
    const s = scheduleSavings({ ...oneGb, schedule: workdays() });
    expect(s.spanStart).toBe("2026-11-29T23:00:00.000Z");
    expect(s.spanEnd).toBe("2026-12-30T09:00:00.000Z");
    expect(s.pausedHours).toBe(486);
    expect(s.saved.total).toBeCloseTo(486 * 2 * 0.007, 9);
    expect(s.alwaysOn.total).toBeCloseTo(730 * 2 * 0.007, 9);
    expect(s.share).toBeCloseTo(486 / 730, 9);
    expect(s.exceptionsInSpan).toBe(0);
  });

  it("prices from the start of the current hour, so pages rendered within the hour agree", () => {
    const later = scheduleSavings({ ...oneGb, schedule: workdays(), now: new Date("2026-11-29T23:59:59Z") });
    expect(later.spanStart).toBe("2026-11-29T23:00:00.000Z");
    expect(later.pausedHours).toBe(486);
  });

  it("saves less when an exception keeps the service running all day (Wed 9 Dec: 13 paused hours fewer)", () => {
    const s = scheduleSavings({ ...oneGb, schedule: workdays([{ date: "2026-12-09", state: "running" }]) });
    expect(s.pausedHours).toBe(473);
    expect(s.saved.total).toBeCloseTo(473 * 2 * 0.007, 9);
    expect(s.exceptionsInSpan).toBe(1);
  });

  it("saves more when an exception keeps it paused all day (Wed 9 Dec: its 11 running hours saved)", () => {
    const s = scheduleSavings({ ...oneGb, schedule: workdays([{ date: "2026-12-09", state: "paused" }]) });
    expect(s.pausedHours).toBe(497);
    expect(s.saved.total).toBeCloseTo(497 * 2 * 0.007, 9);
  });

  it("ignores exceptions outside the span", () => {
    const s = scheduleSavings({ ...oneGb, schedule: workdays([{ date: "2026-11-27", state: "running" }, { date: "2026-12-31", state: "running" }, { date: "2027-01-20", state: "paused" }]) });
    expect(s.pausedHours).toBe(486);
    expect(s.exceptionsInSpan).toBe(0);
  });

  it("counts the hour a spring-forward removes (Berlin, 28 Mar 2027): the span ends an hour later on the clock", () => {
    // Mon 22 Mar 2027 00:00 CET + 730 h = Wed 21 Apr 11:00 CEST: 245 running hours, 485 paused.
    const s = scheduleSavings({ ...oneGb, schedule: workdays(), now: new Date("2027-03-21T23:00:00Z") });
    expect(s.pausedHours).toBe(485);
  });

  it("adds vCPU for instances that would be active, and scales with the provisioned count", () => {
    const s = scheduleSavings({ ...oneGb, schedule: workdays(), provisionedInstances: 3, activeInstances: 1 });
    expect(s.saved.total).toBeCloseTo(486 * (0.064 + 2 * 0.007) + 486 * 2 * 2 * 0.007, 6);
    expect(s.saved.lines.map((l) => l.category)).toEqual(["activeVcpu", "activeMemory", "idleMemory"]);
  });

  it("saves nothing when the windows cover the week", () => {
    const s = scheduleSavings({ ...oneGb, schedule: { timeZone: "UTC", windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" }], exceptions: [] }, size: { vcpu: 0.25, memoryGb: 0.5 } });
    expect(s.saved.total).toBe(0);
    expect(s.pausedHours).toBe(0);
  });
});
