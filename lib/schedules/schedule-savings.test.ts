import { describe, expect, it } from "vitest";
import type { AppRunnerPrices } from "@/lib/pricing/price-table";
import { scheduleSavings } from "./schedule-savings";

const prices: AppRunnerPrices = { vcpuHour: 0.064, gbHour: 0.007, provisionedGbHour: 0.007, autoDeployMonth: 1, buildMinute: 0.005, requestsPerMillion: 0, dataOutGb: 0.09 };
const workdays = { windows: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "19:00" }] };

describe("schedule savings", () => {
  it("saves the idle provisioned memory of the paused hours (Mon–Fri 08–19: 113 of 168 hours)", () => {
    const s = scheduleSavings({ schedule: workdays, size: { vcpu: 1, memoryGb: 2 }, provisionedInstances: 1, prices });
    expect(s.runningHoursPerWeek).toBe(55);
    expect(s.pausedHoursPerMonth).toBeCloseTo((730 * 113) / 168, 6);
    // 491.01 h × 2 GB × $0.007
    expect(s.saved.total).toBeCloseTo(6.8742, 3);
    expect(s.alwaysOn.total).toBeCloseTo(730 * 2 * 0.007, 6);
    expect(s.share).toBeCloseTo(113 / 168, 6);
  });

  it("adds vCPU for instances that would be active, and scales with the provisioned count", () => {
    const s = scheduleSavings({ schedule: workdays, size: { vcpu: 1, memoryGb: 2 }, provisionedInstances: 3, activeInstances: 1, prices });
    const hours = (730 * 113) / 168;
    expect(s.saved.total).toBeCloseTo(hours * (0.064 + 2 * 0.007) + hours * 2 * 2 * 0.007, 6);
    expect(s.saved.lines.map((l) => l.category)).toEqual(["activeVcpu", "activeMemory", "idleMemory"]);
  });

  it("saves nothing when the windows cover the week", () => {
    const s = scheduleSavings({ schedule: { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" }] }, size: { vcpu: 0.25, memoryGb: 0.5 }, provisionedInstances: 1, prices });
    expect(s.saved.total).toBe(0);
  });
});
