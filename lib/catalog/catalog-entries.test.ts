// Who may edit an entry, and what a refused or invalid edit leaves behind (nothing).
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/testing/temp-db";

const tmp = createTempDatabase();
const { db } = await import("@/lib/db");
const { updateCatalogEntry } = await import("./catalog-entries");
const { entryFields } = await import("./catalog-model");

afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

const fields = (over: Record<string, unknown> = {}) => entryFields.parse({ lifecycle: "production", description: "", tags: "", ...over });

describe("catalog entry edits", () => {
  it("operators edit their own team's entries only; admins any; refused edits change nothing", async () => {
    const [payments, search] = await Promise.all([db.team.create({ data: { name: "payments" } }), db.team.create({ data: { name: "search" } })]);
    const op = await db.user.create({ data: { email: "op@example.com", name: "Op", passwordHash: "x", role: "operator" } });
    await db.teamMember.create({ data: { teamId: payments.id, userId: op.id } });
    const mk = (name: string, ownerTeamId: string | null) =>
      db.catalogEntry.create({ data: { arn: `arn:aws:apprunner:us-east-1:123456789012:service/${name}/0123`, connectionId: "c", region: "us-east-1", serviceId: "0123", serviceName: name, status: "RUNNING", lastSyncedAt: new Date(), ownerTeamId } });
    const [own, other, unowned] = await Promise.all([mk("own-svc", payments.id), mk("other-svc", search.id), mk("free-svc", null)]);
    const operator = { id: op.id, email: op.email, name: op.name, role: "operator" as const };
    const admin = { id: "admin", email: "a@example.com", name: "A", role: "admin" as const };

    const r = await updateCatalogEntry(operator, own.id, fields({ owner: "payments", tier: "1", runbookUrl: "https://wiki.example.com/rb", tags: "pci, payments" }));
    expect(r.before).toMatchObject({ owner: "payments", tier: undefined, lifecycle: "experimental" });
    expect(r.after).toMatchObject({ owner: "payments", tier: 1, lifecycle: "production", runbookUrl: "https://wiki.example.com/rb", tags: ["pci", "payments"] });

    await expect(updateCatalogEntry(operator, other.id, fields({ owner: "search", tier: "1" }))).rejects.toThrow(/Only search's members or an admin/);
    await expect(updateCatalogEntry(operator, unowned.id, fields({ owner: "search" }))).rejects.toThrow(/only an admin may hand a service to another team/);
    await expect(updateCatalogEntry(admin, other.id, fields({ owner: "nobody" }))).rejects.toThrow("No team named nobody");
    expect(await db.catalogEntry.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ tier: null, lifecycle: "experimental", ownerTeamId: search.id });
    expect(await db.catalogEntry.findUniqueOrThrow({ where: { id: unowned.id } })).toMatchObject({ ownerTeamId: null });

    // An operator may claim an unowned service for a team of theirs; an admin may move anything.
    await expect(updateCatalogEntry(operator, unowned.id, fields({ owner: "payments" }))).resolves.toMatchObject({ after: { owner: "payments" } });
    await expect(updateCatalogEntry(admin, other.id, fields({ owner: "payments", system: "storefront" }))).resolves.toMatchObject({ after: { owner: "payments", system: "storefront" } });
    await expect(updateCatalogEntry({ ...operator, role: "viewer" }, own.id, fields())).rejects.toThrow(/Only payments's members/);
  });

  it("rejects a tier out of range, a link that is not http(s) and a bad tag with field messages", () => {
    const r = entryFields.safeParse({ lifecycle: "production", tier: "4", runbookUrl: "ftp://x.example.com", tags: "Bad_Tag", description: "" });
    expect(r.success).toBe(false);
    const f = r.success ? {} : (Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message])) as Record<string, string>);
    expect(f).toMatchObject({ tier: "Tier must be 1 (critical), 2 or 3", runbookUrl: "Links must be http:// or https:// URLs", tags: expect.stringContaining("Backstage's tag rule") });
  });
});
