// The audit list's text filters behave the same on SQLite and PostgreSQL (any case).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases, useTempDatabase } from "@/lib/testing/temp-db";
import { db } from "@/lib/db";
import { recordAuditEvent } from "./record-audit-event";
import { listAuditEvents } from "./audit-events";
import { parseAuditFilters } from "./audit-filters";

describe.each(testDatabases)("audit list on %s", (kind) => {
  let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
  });
  afterAll(async () => {
    await db.$disconnect();
    await tmp.cleanup();
  });

  it("matches actor, action and target in any case", async () => {
    await recordAuditEvent({ actor: "Ops.Lead@Example.com" }, { action: "service.pause", target: "arn:aws:apprunner:us-east-1:000000000000:service/Web-App/abc", result: "succeeded" });
    await recordAuditEvent({ actor: "someone@example.com" }, { action: "user.create", target: "x@example.com", result: "succeeded" });
    const list = async (q: Record<string, string>) => (await listAuditEvents(parseAuditFilters(q))).events.map((e) => e.action);
    expect(await list({ actor: "ops.lead@example.COM" })).toEqual(["service.pause"]);
    expect(await list({ action: "SERVICE." })).toEqual(["service.pause"]);
    expect(await list({ target: "web-app" })).toEqual(["service.pause"]);
    expect(await list({ target: "nothing" })).toEqual([]);
  });
});
