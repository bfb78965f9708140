// An operation whose "requested" and result land on two audit pages shows once, on its
// result's page, with both times; the next page does not show the request again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases, useTempDatabase } from "@/lib/testing/temp-db";
import { db } from "@/lib/db";
import { listAuditRows } from "./audit-rows";
import { parseAuditFilters } from "./audit-filters";

const arn = "arn:aws:apprunner:us-east-1:000000000000:service/web/0123456789abcdef0123456789abcdef";
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

describe.each(testDatabases)("audit rows across pages on %s", (kind) => {
  let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
    // Newest first: the deploy's result, three sign-ins, then its request (page size 4: the
    // request is the first event of page 2), then one more sign-in.
    const base = { actor: "op@example.com", role: "operator", region: "us-east-1" };
    await db.auditEvent.create({ data: { ...base, action: "service.deploy", target: arn, result: "succeeded", request: JSON.stringify({ operationId: "op1" }), createdAt: at(50) } });
    for (const m of [40, 30, 20]) await db.auditEvent.create({ data: { ...base, action: "auth.sign_in", target: "op@example.com", result: "succeeded", createdAt: at(m) } });
    await db.auditEvent.create({ data: { ...base, action: "service.deploy", target: arn, result: "requested", createdAt: at(10) } });
    await db.auditEvent.create({ data: { ...base, action: "auth.sign_in", target: "op@example.com", result: "succeeded", createdAt: at(5) } });
  });
  afterAll(async () => {
    await db.$disconnect();
    await tmp.cleanup();
  });

  it("shows the split pair as one row on the first page and not again on the next", async () => {
    const first = await listAuditRows(parseAuditFilters({}), 4);
    expect(first.rows.map((r) => [r.action, r.result, r.requestedAt])).toEqual([
      ["service.deploy", "succeeded", at(10).toISOString()],
      ["auth.sign_in", "succeeded", undefined],
      ["auth.sign_in", "succeeded", undefined],
      ["auth.sign_in", "succeeded", undefined],
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listAuditRows(parseAuditFilters({ cursor: first.nextCursor ?? "" }), 4);
    expect(second.rows.map((r) => [r.action, r.result])).toEqual([["auth.sign_in", "succeeded"]]);
    expect(second.nextCursor).toBeNull();
  });

  it("lists every request as it is when only requests are asked for", async () => {
    const rows = (await listAuditRows(parseAuditFilters({ result: "requested" }), 4)).rows;
    expect(rows.map((r) => [r.action, r.requestedAt])).toEqual([["service.deploy", undefined]]);
  });

  it("still shows when a succeeded-only row was requested", async () => {
    const rows = (await listAuditRows(parseAuditFilters({ result: "succeeded", action: "service." }), 4)).rows;
    expect(rows.map((r) => [r.action, r.requestedAt])).toEqual([["service.deploy", at(10).toISOString()]]);
  });
});
