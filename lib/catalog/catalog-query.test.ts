import { describe, expect, it } from "vitest";
import { NO_OWNER, catalogSearch, emptyQuery, filterCatalog, groupRows, parseCatalogQuery, type CatalogRow } from "./catalog-query";

const row = (name: string, over: Partial<CatalogRow> = {}): CatalogRow => ({
  id: name, arn: `arn:${name}`, name, description: "", tags: [], owner: null, system: null, tier: null, lifecycle: "experimental",
  connectionId: "c1", connection: "Local", region: "us-east-1", status: "RUNNING", gone: false, url: null, score: { passed: 0, applicable: 0, percent: null }, ...over,
});
const rows = [
  row("checkout", { owner: "payments", tier: 1, system: "storefront", tags: ["pci"], description: "Takes card payments", lifecycle: "production" }),
  row("search-web", { owner: "search", tier: 2, system: "storefront", region: "eu-west-1" }),
  row("old-report", { gone: true, status: "RUNNING" }),
  row("mailer", { status: "PAUSED", connectionId: "c2" }),
];
const names = (q: Partial<typeof emptyQuery>) => filterCatalog(rows, { ...emptyQuery, ...q }).map((r) => r.name);

describe("catalog search and filters", () => {
  it("searches name, description, tags, owner and system, all words must match", () => {
    expect(names({ q: "CARD" })).toEqual(["checkout"]);
    expect(names({ q: "pci" })).toEqual(["checkout"]);
    expect(names({ q: "search" })).toEqual(["search-web"]);
    expect(names({ q: "storefront payments" })).toEqual(["checkout"]);
    expect(names({ q: "storefront" })).toEqual(["checkout", "search-web"]);
  });

  it("filters by team (or no owner), tier, lifecycle, connection, region and status (gone apart)", () => {
    expect(names({ team: NO_OWNER })).toEqual(["old-report", "mailer"]);
    expect(names({ tier: "1" })).toEqual(["checkout"]);
    expect(names({ lifecycle: "production" })).toEqual(["checkout"]);
    expect(names({ connection: "c2" })).toEqual(["mailer"]);
    expect(names({ region: "eu-west-1" })).toEqual(["search-web"]);
    expect(names({ status: "RUNNING" })).toEqual(["checkout", "search-web"]);
    expect(names({ status: "gone" })).toEqual(["old-report"]);
  });

  it("round-trips through the URL and ignores junk", () => {
    const q = { ...emptyQuery, q: "a b", team: "payments", tier: "1", group: "system" as const };
    expect(parseCatalogQuery(new URLSearchParams(catalogSearch(q).slice(1)))).toEqual(q);
    expect(catalogSearch(emptyQuery)).toBe("");
    expect(parseCatalogQuery({ tier: "9", group: "owner" })).toMatchObject({ tier: "", group: "none" });
  });

  it("groups by team with unowned last", () => {
    expect(groupRows(rows, "team").map((g) => [g.label, g.rows.length])).toEqual([["payments", 1], ["search", 1], ["No owner", 2]]);
  });
});
