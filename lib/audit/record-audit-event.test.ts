import { afterAll, describe, expect, it, vi } from "vitest";
import { createTempDatabase } from "@/lib/testing/temp-db";

const tmp = createTempDatabase();
const { db } = await import("@/lib/db");
const { recordAuditEvent } = await import("@/lib/audit/record-audit-event");

describe("recordAuditEvent", () => {
  afterAll(async () => {
    await db.$disconnect();
    tmp.cleanup();
  });

  it("stores who, what, where and a redacted request", async () => {
    await recordAuditEvent(
      { user: { id: "u1", email: "op@example.com", role: "operator" }, ip: "127.0.0.1", userAgent: "UA" },
      {
        action: "service.update",
        target: "arn:aws:apprunner:us-east-1:000000000000:service/web/abc",
        region: "us-east-1",
        result: "succeeded",
        request: { ServiceName: "web", RuntimeEnvironmentVariables: { DATABASE_URL: "postgres://user:pw@db/x" }, apiToken: "tok" },
      },
    );
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: "service.update" } });
    expect(ev).toMatchObject({ actorId: "u1", actor: "op@example.com", role: "operator", result: "succeeded", region: "us-east-1", ip: "127.0.0.1" });
    expect(JSON.parse(ev.request!)).toEqual({ ServiceName: "web", RuntimeEnvironmentVariables: ["DATABASE_URL"], apiToken: "[redacted]" });
    expect(ev.request).not.toContain("postgres://");
  });

  it("never throws, even when the database write fails", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await db.$disconnect();
    const { rmSync } = await import("node:fs");
    rmSync(tmp.dir, { recursive: true, force: true }); // the database file disappears under the client
    await expect(recordAuditEvent({}, { action: "after.delete", result: "succeeded" })).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("[audit] could not record after.delete"), expect.anything());
    errors.mockRestore();
  });
});
