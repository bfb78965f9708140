// The price table form: one flat field per figure, so a missing or bad figure gets its error at
// its own field, then shaped into a PriceTable. Fargate and ALB figures come as a set or not at all.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";
import type { PriceTable } from "@/lib/pricing/price-table";
import { priceTableSchema } from "@/lib/pricing/price-table";

export const priceFields = {
  arVcpuHour: "App Runner, active vCPU-hour",
  arGbHour: "App Runner, active GB-hour",
  arProvisionedGbHour: "App Runner, provisioned GB-hour",
  arAutoDeployMonth: "Automatic deployments, per app-month",
  arBuildMinute: "Build minute",
  arRequestsPerMillion: "Per million requests",
  arDataOutGb: "Data out, per GB",
  fgX86VcpuHour: "Fargate x86 vCPU-hour",
  fgX86GbHour: "Fargate x86 GB-hour",
  fgArmVcpuHour: "Fargate ARM vCPU-hour",
  fgArmGbHour: "Fargate ARM GB-hour",
  albHour: "ALB hour",
  albLcuHour: "ALB LCU-hour",
  albServicesPerAlb: "Services per ALB",
} as const;
export type PriceField = keyof typeof priceFields;
const fargateFields: PriceField[] = ["fgX86VcpuHour", "fgX86GbHour", "fgArmVcpuHour", "fgArmGbHour", "albHour", "albLcuHour", "albServicesPerAlb"];

const figure = (label: string, optional: boolean) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    optional
      ? z.number({ error: `${label}: enter a price in USD` }).finite(`${label}: enter a price in USD`).min(0, `${label} cannot be negative`).optional()
      : z.number({ error: `${label}: this figure is missing` }).finite(`${label}: enter a price in USD`).min(0, `${label} cannot be negative`),
  );

const shape = Object.fromEntries(Object.entries(priceFields).map(([k, label]) => [k, figure(label, fargateFields.includes(k as PriceField))])) as unknown as Record<PriceField, z.ZodType<number | undefined>>;

export const priceTableFormSchema = z
  .object({
    region: z.string().trim().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Enter an AWS region such as us-east-1"),
    source: z.url("Enter the address of the pricing page"),
    checkedAt: z.iso.date("Enter the date the prices were checked (YYYY-MM-DD)"),
    notes: z.string().trim().max(500, "At most 500 characters").optional(),
    ...shape,
  })
  .superRefine((v, ctx) => {
    const given = fargateFields.filter((f) => v[f] !== undefined);
    if (given.length > 0 && given.length < fargateFields.length) {
      for (const f of fargateFields) if (v[f] === undefined) ctx.addIssue({ code: "custom", path: [f], message: `${priceFields[f]}: this figure is missing (Fargate and ALB prices go together)` });
    }
    if (v.albServicesPerAlb !== undefined && (!Number.isInteger(v.albServicesPerAlb) || v.albServicesPerAlb < 1)) ctx.addIssue({ code: "custom", path: ["albServicesPerAlb"], message: "Services per ALB must be a whole number of at least 1" });
  })
  .transform((v): PriceTable => {
    const n = (f: PriceField) => v[f] as number;
    const hasFargate = v.fgX86VcpuHour !== undefined;
    return priceTableSchema.parse({
      region: v.region,
      source: v.source,
      checkedAt: v.checkedAt,
      ...(v.notes ? { notes: v.notes } : {}),
      prices: {
        appRunner: { vcpuHour: n("arVcpuHour"), gbHour: n("arGbHour"), provisionedGbHour: n("arProvisionedGbHour"), autoDeployMonth: n("arAutoDeployMonth"), buildMinute: n("arBuildMinute"), requestsPerMillion: n("arRequestsPerMillion"), dataOutGb: n("arDataOutGb") },
        ...(hasFargate
          ? {
              fargate: { x86: { vcpuHour: n("fgX86VcpuHour"), gbHour: n("fgX86GbHour") }, arm: { vcpuHour: n("fgArmVcpuHour"), gbHour: n("fgArmGbHour") } },
              alb: { hour: n("albHour"), lcuHour: n("albLcuHour"), servicesPerAlb: n("albServicesPerAlb") },
            }
          : {}),
      },
    });
  });

/** A stored table as form values (strings). */
export function priceTableToForm(t: PriceTable): Record<string, string> {
  const p = t.prices;
  const s = (x: number | undefined) => (x === undefined ? "" : String(x));
  return {
    region: t.region,
    source: t.source,
    checkedAt: t.checkedAt,
    notes: t.notes ?? "",
    arVcpuHour: s(p.appRunner.vcpuHour),
    arGbHour: s(p.appRunner.gbHour),
    arProvisionedGbHour: s(p.appRunner.provisionedGbHour),
    arAutoDeployMonth: s(p.appRunner.autoDeployMonth),
    arBuildMinute: s(p.appRunner.buildMinute),
    arRequestsPerMillion: s(p.appRunner.requestsPerMillion),
    arDataOutGb: s(p.appRunner.dataOutGb),
    fgX86VcpuHour: s(p.fargate?.x86.vcpuHour),
    fgX86GbHour: s(p.fargate?.x86.gbHour),
    fgArmVcpuHour: s(p.fargate?.arm.vcpuHour),
    fgArmGbHour: s(p.fargate?.arm.gbHour),
    albHour: s(p.alb?.hour),
    albLcuHour: s(p.alb?.lcuHour),
    albServicesPerAlb: s(p.alb?.servicesPerAlb),
  };
}
