import { describe, expect, it } from "vitest";
import { applyDashboardQuery, dashboardHref, parseDashboardQuery, PAGE_SIZE } from "./dashboard-query";
import type { ServiceRow } from "./service-view";

const row = (name: string, status: ServiceRow["status"], updatedAt: string): ServiceRow => ({ name, id: name + "id", arn: "", region: "us-east-1", status, updatedAt });

describe("dashboard query", () => {
  const rows = [row("beta", "RUNNING", "2026-01-02"), row("alpha", "PAUSED", "2026-01-03"), row("gamma", "RUNNING", "2026-01-01")];

  it("filters by status and search, sorts both ways", () => {
    expect(applyDashboardQuery(rows, parseDashboardQuery({ status: "RUNNING" })).rows.map((r) => r.name)).toEqual(["beta", "gamma"]);
    expect(applyDashboardQuery(rows, parseDashboardQuery({ q: "AL" })).rows.map((r) => r.name)).toEqual(["alpha"]);
    expect(applyDashboardQuery(rows, parseDashboardQuery({ sort: "updated", dir: "desc" })).rows.map((r) => r.name)).toEqual(["alpha", "beta", "gamma"]);
  });

  it("pages and clamps the page number", () => {
    const many = Array.from({ length: 120 }, (_, i) => row(`svc-${String(i).padStart(3, "0")}`, "RUNNING", ""));
    const last = applyDashboardQuery(many, parseDashboardQuery({ page: "9" }));
    expect(last.pages).toBe(3);
    expect(last.rows).toHaveLength(120 - 2 * PAGE_SIZE);
    expect(last.rows[0]?.name).toBe("svc-100");
  });

  it("round-trips through the URL and ignores junk", () => {
    const q = parseDashboardQuery({ q: "x", sort: "bogus", dir: "up", regions: "all", page: "-3" });
    expect(q).toMatchObject({ sort: "name", dir: "asc", allRegions: true, page: 1 });
    expect(dashboardHref(q, { page: 2 })).toBe("/services?q=x&regions=all&page=2");
  });
});
