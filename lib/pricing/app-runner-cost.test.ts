import { describe, expect, it } from "vitest";
import { aggregateHours, priceAppRunner, type AppRunnerUsage } from "@/lib/pricing/app-runner-cost";
import type { AppRunnerPrices } from "@/lib/pricing/price-table";
import { roundCents } from "@/lib/pricing/money";
import { defaultPriceTables } from "@/lib/pricing/default-price-tables";

const usEast1 = defaultPriceTables.find((t) => t.region === "us-east-1")!.prices.appRunner;
const oneTwo = { vcpu: 1, memoryGb: 2 };
const none: Omit<AppRunnerUsage, "size" | "activeInstanceHours" | "idleInstanceHours"> = { autoDeploy: false, builds: 0, minutesPerBuild: 0, dataOutGb: 0, requests: 0 };
const amount = (u: AppRunnerUsage, p: AppRunnerPrices, category: string) => priceAppRunner(u, p).lines.filter((l) => l.category === category).reduce((s, l) => s + l.amount, 0);

describe("priceAppRunner: 1 vCPU / 2 GB at $0.064 and $0.007", () => {
  it("costs $0.078 an hour active and $0.014 an hour idle-provisioned", () => {
    expect(priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 1, idleInstanceHours: 0 }, usEast1).total).toBeCloseTo(0.078, 10);
    expect(priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 0, idleInstanceHours: 1 }, usEast1).total).toBeCloseTo(0.014, 10);
  });

  it("over 750 hours: $10.50 idle all month, $58.50 active all month", () => {
    expect(roundCents(priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 0, idleInstanceHours: 750 }, usEast1).total)).toBe(10.5);
    expect(roundCents(priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 750, idleInstanceHours: 0 }, usEast1).total)).toBe(58.5);
  });

  it("breaks active time into vCPU and memory, each quantity × price", () => {
    const b = priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 750, idleInstanceHours: 0 }, usEast1);
    const vcpu = b.lines.find((l) => l.category === "activeVcpu")!;
    const mem = b.lines.find((l) => l.category === "activeMemory")!;
    expect([vcpu.quantity, vcpu.unitPrice, roundCents(vcpu.amount)]).toEqual([750, 0.064, 48]);
    expect([mem.quantity, mem.unitPrice, roundCents(mem.amount)]).toEqual([1500, 0.007, 10.5]);
    for (const l of b.lines) expect(l.amount).toBeCloseTo(l.quantity * l.unitPrice, 12);
  });
});

describe("priceAppRunner: the generic example", () => {
  const generic: AppRunnerPrices = { vcpuHour: 0.08, gbHour: 0.01, provisionedGbHour: 0.01, autoDeployMonth: 1, buildMinute: 0.005, requestsPerMillion: 0.01, dataOutGb: 0.09 };
  it("1 vCPU / 2 GB active 730 hours, 1M requests, 50 GB out: $73.00 + $0.01 + $4.50 = $77.51", () => {
    const b = priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 730, idleInstanceHours: 0, requests: 1_000_000, dataOutGb: 50 }, generic);
    expect(roundCents(amount({ ...none, size: oneTwo, activeInstanceHours: 730, idleInstanceHours: 0 }, generic, "activeVcpu") + amount({ ...none, size: oneTwo, activeInstanceHours: 730, idleInstanceHours: 0 }, generic, "activeMemory"))).toBe(73);
    expect(roundCents(b.lines.find((l) => l.category === "requests")!.amount)).toBe(0.01);
    expect(roundCents(b.lines.find((l) => l.category === "dataTransfer")!.amount)).toBe(4.5);
    expect(roundCents(b.total)).toBe(77.51);
  });
});

describe("priceAppRunner: edges", () => {
  it("zero hours costs nothing", () => {
    expect(priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 0, idleInstanceHours: 0 }, usEast1).total).toBe(0);
  });

  it("MaxSize (25) instances active all month", () => {
    const b = priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 25 * 730, idleInstanceHours: 0 }, usEast1);
    expect(roundCents(b.total)).toBe(roundCents(25 * 730 * 0.078)); // $1,423.50
    expect(roundCents(b.total)).toBe(1423.5);
  });

  it("a partial month (10 days) costs that share", () => {
    const b = priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 240, idleInstanceHours: 0 }, usEast1);
    expect(roundCents(b.total)).toBe(18.72);
  });

  it("a month paused throughout costs zero (no active, no provisioned instances)", () => {
    const hours = Array.from({ length: 730 }, () => ({ provisioned: 0, active: 0 }));
    expect(priceAppRunner({ ...none, size: oneTwo, ...aggregateHours(hours) }, usEast1).total).toBe(0);
  });

  it("automatic deployments add exactly $1", () => {
    const base = { ...none, size: oneTwo, activeInstanceHours: 100, idleInstanceHours: 630 };
    const off = priceAppRunner(base, usEast1).total;
    const on = priceAppRunner({ ...base, autoDeploy: true }, usEast1).total;
    expect(on - off).toBeCloseTo(1, 12);
  });

  it("builds bill their minutes; custom items are added as they are", () => {
    const b = priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 0, idleInstanceHours: 0, builds: 20, minutesPerBuild: 3, customItems: [{ label: "Custom domain cert", amount: 2.5 }] }, usEast1);
    expect(b.lines.find((l) => l.category === "builds")).toMatchObject({ quantity: 60, unitPrice: 0.005 });
    expect(roundCents(b.total)).toBe(2.8);
  });

  it("hour-by-hour counts bill active instances fully and the rest of MinSize as idle memory", () => {
    const agg = aggregateHours([{ provisioned: 2, active: 0 }, { provisioned: 2, active: 1 }, { provisioned: 3, active: 3 }]);
    expect(agg).toEqual({ activeInstanceHours: 4, idleInstanceHours: 3 });
  });

  it("refuses a size App Runner does not offer, listing the valid ones", () => {
    expect(() => priceAppRunner({ ...none, size: { vcpu: 1, memoryGb: 8 }, activeInstanceHours: 1, idleInstanceHours: 0 }, usEast1)).toThrow(/1 vCPU \/ 8 GB is not an App Runner instance size\. Valid sizes: 0.25 vCPU \/ 0.5 GB.*4 vCPU \/ 12 GB/);
  });

  it("refuses negative or non-numeric quantities", () => {
    expect(() => priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: -1, idleInstanceHours: 0 }, usEast1)).toThrow(/activeInstanceHours/);
    expect(() => priceAppRunner({ ...none, size: oneTwo, activeInstanceHours: 0, idleInstanceHours: Number.NaN }, usEast1)).toThrow(/idleInstanceHours/);
  });
});
