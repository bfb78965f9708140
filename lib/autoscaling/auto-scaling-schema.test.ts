import { describe, expect, it } from "vitest";
import { z } from "zod";
import { autoScalingFormSchema } from "./auto-scaling-schema";

const errors = (input: Record<string, unknown>) => {
  const r = autoScalingFormSchema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};
const ok = { name: "web-tight", maxConcurrency: "5", minSize: "1", maxSize: "3" };

describe("autoScalingFormSchema", () => {
  it("takes App Runner's ranges from form strings", () => {
    expect(autoScalingFormSchema.parse(ok)).toEqual({ name: "web-tight", maxConcurrency: 5, minSize: 1, maxSize: 3 });
    expect(autoScalingFormSchema.parse({ ...ok, maxConcurrency: "200", minSize: "25", maxSize: "60" })).toMatchObject({ maxSize: 60 });
  });

  it("refuses values outside MaxConcurrency 1-200, MinSize 1-25, MaxSize >= 1 and >= MinSize", () => {
    expect(errors({ ...ok, maxConcurrency: "0" }).maxConcurrency).toEqual(["MaxConcurrency must be 1 to 200"]);
    expect(errors({ ...ok, maxConcurrency: "201" }).maxConcurrency).toEqual(["MaxConcurrency must be 1 to 200"]);
    expect(errors({ ...ok, minSize: "26", maxSize: "30" }).minSize).toEqual(["MinSize must be 1 to 25"]);
    expect(errors({ ...ok, maxSize: "0" }).maxSize?.[0]).toBe("MaxSize must be at least 1");
    expect(errors({ ...ok, minSize: "4", maxSize: "3" }).maxSize).toEqual(["MaxSize must be at least MinSize (4)"]);
    expect(errors({ ...ok, minSize: "1.5" }).minSize).toEqual(["MinSize must be a whole number"]);
  });

  it("checks the name like App Runner (4-32, letters, digits, - and _)", () => {
    expect(errors({ ...ok, name: "abc" }).name?.[0]).toBe("4 to 32 characters");
    expect(errors({ ...ok, name: "-bad-name" }).name?.[0]).toMatch(/starts with a letter/);
    expect(errors({ ...ok, name: "a".repeat(33) }).name?.[0]).toBe("4 to 32 characters");
  });
});
