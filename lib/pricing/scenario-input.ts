// One zod schema for a scenario, shared by the form (live errors as the user types) and the
// server (the save action). Form values arrive as strings; each figure gets its own message.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";
import { decodeGrid } from "@/lib/pricing/activity-pattern";
import { instanceSizes, sizeKey, validSizesMessage } from "@/lib/pricing/instance-sizes";
import type { Scenario } from "@/lib/pricing/scenario";

const num = (label: string, opts: { int?: boolean; max?: number; maxMessage?: string } = {}) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    (() => {
      let s = z.number({ error: `${label}: enter a number` }).finite(`${label}: enter a number`).min(0, `${label} cannot be negative`);
      if (opts.int) s = s.int(`${label} must be a whole number`);
      if (opts.max !== undefined) s = s.max(opts.max, opts.maxMessage ?? `${label} is at most ${opts.max}`);
      return s;
    })(),
  );

const bool = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const scenarioInputSchema = z
  .object({
    region: z.string().min(1, "Choose a region"),
    size: z.string().refine((k) => instanceSizes.some((s) => sizeKey(s) === k), { message: `Not an App Runner size. ${validSizesMessage()}` }),
    minSize: num("MinSize", { int: true, max: 25 }).pipe(z.number().min(1, "MinSize is at least 1")),
    activity: z
      .array(z.string(), { error: "Activity pattern is missing" })
      .length(7, "The activity pattern has 7 days")
      .superRefine((rows, ctx) => {
        if (rows.some((r) => r.length > 24)) ctx.addIssue({ code: "custom", message: "A day has at most 24 hours" });
        else if (rows.some((r) => !/^[01]{24}$/.test(r))) ctx.addIssue({ code: "custom", message: "Each day needs 24 hours, each on or off" });
      }),
    avgActive: num("Average active instances", { max: 25 }),
    peakActive: num("Peak active instances", { max: 25 }),
    requestsPerMonth: num("Requests per month"),
    dataOutGb: num("GB out per month"),
    autoDeploy: bool,
    buildsPerMonth: num("Builds per month", { int: true }),
    minutesPerBuild: num("Minutes per build"),
    monthHours: num("Hours in the month", { max: 744, maxMessage: "A month has at most 31 days of 24 hours (744 hours)" }).pipe(z.number().min(1, "Hours in the month must be at least 1")),
    customItems: z.array(z.object({ label: z.string().trim().min(1, "Name the item").max(80), amount: num("Custom item amount") })).max(20).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.minSize > v.peakActive) ctx.addIssue({ code: "custom", path: ["minSize"], message: `MinSize (${v.minSize}) is above the peak (${v.peakActive}): App Runner keeps MinSize instances ready, so the peak is at least MinSize.` });
    if (v.avgActive > v.peakActive) ctx.addIssue({ code: "custom", path: ["avgActive"], message: "The average cannot exceed the peak" });
  });

export type ScenarioInput = z.infer<typeof scenarioInputSchema>;
export type ScenarioFormValues = z.input<typeof scenarioInputSchema>;

export function toScenario(i: ScenarioInput): Scenario {
  const [vcpu, memoryGb] = i.size.split("/").map(Number) as [number, number];
  return {
    size: { vcpu, memoryGb },
    minSize: i.minSize,
    activity: decodeGrid(i.activity),
    avgActive: i.avgActive,
    peakActive: i.peakActive,
    requestsPerMonth: i.requestsPerMonth,
    dataOutGb: i.dataOutGb,
    autoDeploy: i.autoDeploy,
    buildsPerMonth: i.buildsPerMonth,
    minutesPerBuild: i.minutesPerBuild,
    customItems: i.customItems,
    monthHours: i.monthHours,
  };
}
