import { describe, expect, it } from "vitest";
import { defaultPriceTables } from "@/lib/pricing/default-price-tables";
import { priceTableFormSchema, priceTableToForm } from "@/lib/pricing/price-table-form";

const usEast1 = defaultPriceTables[0]!;
const errorsOf = (v: object) => {
  const r = priceTableFormSchema.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("priceTableFormSchema", () => {
  it("round-trips a shipped table", () => {
    expect(priceTableFormSchema.parse(priceTableToForm(usEast1))).toEqual(usEast1);
  });

  it("refuses a table that lacks a figure, at that figure", () => {
    expect(errorsOf({ ...priceTableToForm(usEast1), arGbHour: "" })).toEqual({ arGbHour: "App Runner, active GB-hour: this figure is missing" });
    expect(errorsOf({ ...priceTableToForm(usEast1), albLcuHour: "" })).toEqual({ albLcuHour: expect.stringMatching(/ALB LCU-hour: this figure is missing/) });
  });

  it("refuses negative prices and unknown-looking regions", () => {
    expect(errorsOf({ ...priceTableToForm(usEast1), arVcpuHour: "-0.1" })).toEqual({ arVcpuHour: "App Runner, active vCPU-hour cannot be negative" });
    expect(errorsOf({ ...priceTableToForm(usEast1), region: "moon" })).toEqual({ region: "Enter an AWS region such as us-east-1" });
  });

  it("a table without Fargate figures prices App Runner only", () => {
    const eu = defaultPriceTables.find((t) => t.region === "eu-west-1")!;
    expect(priceTableFormSchema.parse(priceTableToForm(eu)).prices.fargate).toBeUndefined();
  });
});
