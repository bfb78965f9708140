import { describe, expect, it } from "vitest";
import { suggestRequestTarget } from "./scaling-target";

describe("suggested REQUEST_COUNT_PER_TARGET", () => {
  it("works from observed requests and concurrency", () => {
    // 36,000 requests in an hour = 600 a minute at 5 concurrent: 120 per minute per concurrent (0.5 s each).
    const s = suggestRequestTarget(50, [{ requests: 36_000, concurrency: 5 }]);
    expect(s.basis).toBe("observed");
    expect(s.requestsPerMinutePerConcurrent).toBe(120);
    // 50 concurrent at 120 = 6,000 a minute; 80% of it.
    expect(s.targetValue).toBe(4800);
  });

  it("weights busy hours by their traffic and skips hours without it", () => {
    const s = suggestRequestTarget(10, [
      { requests: 6_000, concurrency: 1 }, // 100/min at 1
      { requests: 60_000, concurrency: 20 }, // 1000/min at 20
      { requests: 0, concurrency: 0 },
      { requests: 500, concurrency: 0 },
    ]);
    expect(s.hoursUsed).toBe(2);
    expect(s.requestsPerMinutePerConcurrent).toBeCloseTo(1100 / 21, 10);
    expect(s.targetValue).toBe(Math.floor(10 * (1100 / 21) * 0.8));
  });

  it("assumes a second per request with no traffic and says so", () => {
    const s = suggestRequestTarget(100, []);
    expect(s).toMatchObject({ basis: "assumed", targetValue: 4800, hoursUsed: 0 });
    expect(s.explanation).toMatch(/assumed/);
  });

  it("never suggests below 1, and refuses a MaxConcurrency below 1", () => {
    expect(suggestRequestTarget(1, [{ requests: 1, concurrency: 100 }]).targetValue).toBe(1);
    expect(() => suggestRequestTarget(0, [])).toThrow(RangeError);
  });
});
