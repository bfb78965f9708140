import { describe, expect, it } from "vitest";
import { fleetTotals, onGrid, type FleetServiceSeries } from "./fleet-summary";

const svc = (name: string, totalRequests: number, errors5xx: number, active: (number | null)[]): FleetServiceSeries => ({ id: name, name, region: "us-east-1", requests: [], active, totalRequests, errors5xx });

describe("fleetTotals", () => {
  it("sums requests and 5xx, and takes each service's latest instance count", () => {
    const t = fleetTotals([svc("a", 100, 5, [1, 2, null]), svc("b", 300, 0, [3, 1]), svc("c", 0, 0, [null, null])]);
    expect(t).toMatchObject({ requests: 400, errors5xx: 5, errorRate: 5 / 400, activeInstances: 3 });
  });

  it("ranks the top 5 by requests and by 5xx rate, leaving out services without them", () => {
    const many = Array.from({ length: 8 }, (_, i) => svc(`s${i}`, (i + 1) * 10, i % 2 ? i : 0, [1]));
    const t = fleetTotals(many);
    expect(t.topByRequests.map((x) => x.name)).toEqual(["s7", "s6", "s5", "s4", "s3"]);
    expect(t.topByErrorRate.map((x) => [x.name, x.value])).toEqual([
      ["s7", 7 / 80],
      ["s5", 5 / 60],
      ["s3", 3 / 40],
      ["s1", 1 / 20],
    ]);
    expect(fleetTotals([]).errorRate).toBeNull();
  });
});

describe("onGrid", () => {
  it("puts points in their period's slot and leaves gaps as null", () => {
    expect(onGrid([[1_000, 5], [121_000, 7], [999_999, 9]], 0, 120_000, 3)).toEqual([5, 7, null]);
  });
});
