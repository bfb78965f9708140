import { describe, expect, it } from "vitest";
import { encodeGrid, presets } from "@/lib/pricing/activity-pattern";
import { defaultPriceTables } from "@/lib/pricing/default-price-tables";
import { roundCents } from "@/lib/pricing/money";
import { estimateScenario, type Scenario } from "@/lib/pricing/scenario";
import { scenarioInputSchema, toScenario } from "@/lib/pricing/scenario-input";

const prices = defaultPriceTables.find((t) => t.region === "us-east-1")!.prices;
const base: Scenario = {
  size: { vcpu: 1, memoryGb: 2 },
  minSize: 1,
  activity: presets["always-on"].grid(),
  avgActive: 1,
  peakActive: 2,
  requestsPerMonth: 0,
  dataOutGb: 0,
  autoDeploy: false,
  buildsPerMonth: 0,
  minutesPerBuild: 0,
};
const alt = (s: Scenario, id: string) => estimateScenario(s, prices).alternatives.find((a) => a.id === id)!;

describe("estimateScenario", () => {
  it("always on, one active instance: 730 h × $0.078 = $56.94", () => {
    const e = estimateScenario(base, prices);
    expect(e.activeHours).toBe(730);
    expect(roundCents(e.appRunner.total)).toBe(56.94);
  });

  it("office hours: 50 of 168 hours active, the rest of MinSize idle (memory only)", () => {
    const e = estimateScenario({ ...base, activity: presets["office-hours"].grid() }, prices);
    const active = (50 / 168) * 730;
    expect(e.activeHours).toBeCloseTo(active, 9);
    expect(e.appRunner.total).toBeCloseTo(active * 0.078 + (730 - active) * 0.014, 9);
  });

  it("paused outside active hours drops the idle memory; nightly batch is 3 h a day", () => {
    const s = { ...base, activity: presets["nightly-batch"].grid() };
    const paused = alt(s, "apprunner-paused").cost!;
    expect(paused.total).toBeCloseTo((21 / 168) * 730 * 0.078, 9);
    expect(paused.lines.find((l) => l.category === "idleMemory")!.amount).toBe(0);
  });

  it("ECS Express on Fargate x86 runs MinSize all month plus 1/25 of an ALB", () => {
    const x86 = alt(base, "express-x86").cost!;
    expect(x86.total).toBeCloseTo(730 * (0.04048 + 2 * 0.004445) + (730 / 25) * 0.0225, 9);
    const arm = alt(base, "express-arm").cost!;
    expect(arm.total).toBeLessThan(x86.total);
  });

  it("alternatives are marked unavailable where the region has no Fargate prices", () => {
    const eu = defaultPriceTables.find((t) => t.region === "eu-west-1")!.prices;
    const a = estimateScenario(base, eu).alternatives.find((x) => x.id === "express-x86")!;
    expect(a.cost).toBeNull();
    expect(a.unavailable).toMatch(/No Fargate/);
  });

  it("cost per million requests divides the App Runner total", () => {
    const e = estimateScenario({ ...base, requestsPerMonth: 2_000_000 }, prices);
    expect(e.costPerMillionRequests).toBeCloseTo(e.appRunner.total / 2, 12);
    expect(estimateScenario(base, prices).costPerMillionRequests).toBeNull();
  });
});

describe("scenarioInputSchema", () => {
  const form = { region: "us-east-1", size: "1/2", minSize: "1", activity: encodeGrid(presets["always-on"].grid()), avgActive: "1", peakActive: "2", requestsPerMonth: "0", dataOutGb: "0", autoDeploy: "on", buildsPerMonth: "0", minutesPerBuild: "0", monthHours: "730" };
  const errorsOf = (v: object) => {
    const r = scenarioInputSchema.safeParse(v);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("parses form strings into a scenario", () => {
    const s = toScenario(scenarioInputSchema.parse(form));
    expect(s).toMatchObject({ size: { vcpu: 1, memoryGb: 2 }, minSize: 1, autoDeploy: true, monthHours: 730 });
  });

  it("puts each bad figure at its field", () => {
    expect(errorsOf({ ...form, dataOutGb: "-3" })).toEqual({ dataOutGb: "GB out per month cannot be negative" });
    expect(errorsOf({ ...form, requestsPerMonth: "lots" })).toEqual({ requestsPerMonth: "Requests per month: enter a number" });
    expect(errorsOf({ ...form, minSize: "3" })).toHaveProperty("minSize", expect.stringMatching(/MinSize \(3\) is above the peak \(2\)/));
    expect(errorsOf({ ...form, monthHours: "800" })).toEqual({ monthHours: expect.stringMatching(/at most 31 days of 24 hours/) });
    expect(errorsOf({ ...form, activity: [...form.activity.slice(0, 6), "1".repeat(25)] })).toEqual({ activity: "A day has at most 24 hours" });
    expect(errorsOf({ ...form, size: "1/8" })).toEqual({ size: expect.stringMatching(/^Not an App Runner size\. Valid sizes: 0.25 vCPU \/ 0.5 GB/) });
  });
});
