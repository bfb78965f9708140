import { describe, expect, it } from "vitest";
import { auditWhere, filtersToParams, parseAuditFilters } from "@/lib/audit/audit-filters";

describe("audit filters from the URL", () => {
  it("turns params into a where clause", () => {
    const f = parseAuditFilters({ actor: " ada ", action: "service.", result: "denied", target: "arn:", from: "2026-01-01T00:00", to: "bad-date" });
    expect(auditWhere(f)).toEqual({
      actor: { contains: "ada" },
      action: { contains: "service." },
      result: "denied",
      target: { contains: "arn:" },
      createdAt: { gte: new Date("2026-01-01T00:00") },
    });
  });

  it("ignores unknown results and empty values instead of failing the page", () => {
    expect(auditWhere(parseAuditFilters({ result: "maybe", actor: "", action: ["a", "b"] }))).toEqual({ action: { contains: "a" } });
  });

  it("round-trips into export params without the cursor", () => {
    const f = parseAuditFilters({ actor: "ada", cursor: "c1", from: "2026-01-01T10:00" });
    expect(filtersToParams(f, { from: "2026-01-01T10:00" }).toString()).toBe("actor=ada&from=2026-01-01T10%3A00");
  });
});
