import { describe, expect, it } from "vitest";
import { batches, MAX_QUERIES_PER_CALL } from "./metric-batches";
import { serviceChartQueries } from "./service-charts";

describe("batches", () => {
  it("keeps up to 500 queries in one call", () => {
    expect(batches(Array.from({ length: 500 }, (_, i) => i))).toHaveLength(1);
    expect(batches([])).toHaveLength(0);
  });

  it("splits over 500 queries into as few calls as the limit allows, losing none", () => {
    const qs = Array.from({ length: 1_501 }, (_, i) => i);
    const out = batches(qs);
    expect(out.map((b) => b.length)).toEqual([500, 500, 500, 1]);
    expect(out.flat()).toEqual(qs);
    expect(MAX_QUERIES_PER_CALL).toBe(500);
  });

  it("a service's charts fit one call, with unique ids CloudWatch accepts", () => {
    const qs = serviceChartQueries({ name: "web", id: "a".repeat(32) }, 60);
    expect(batches(qs)).toHaveLength(1);
    expect(new Set(qs.map((q) => q.Id)).size).toBe(qs.length);
    for (const q of qs) expect(q.Id).toMatch(/^[a-z][a-zA-Z0-9_]*$/);
  });
});
