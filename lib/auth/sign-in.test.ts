import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases, useTempDatabase } from "@/lib/testing/temp-db";

process.env.RUNWAY_SIGNIN_NO_DELAY = "1";
process.env.RUNWAY_SIGNIN_IP_LIMIT = "12";
let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
const { db } = await import("@/lib/db");
const { attemptSignIn, GENERIC_SIGN_IN_ERROR, failureDelayMs } = await import("@/lib/auth/sign-in");
const { createUser } = await import("@/lib/users/users");

const meta = (ip: string) => ({ ip, userAgent: "vitest" });

describe.each(testDatabases)("sign-in against a real database on %s", (kind) => {
  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
  });
  beforeAll(async () => {
    await createUser({ name: "Vera", email: "vera@example.com", role: "viewer", password: "right-password-1" });
  });
  afterAll(async () => {
    await db.$disconnect();
    await tmp.cleanup();
  });

  it("accepts the right password and records the success", async () => {
    const r = await attemptSignIn("vera@example.com", "right-password-1", meta("10.0.0.1"));
    expect(r.ok).toBe(true);
    const ev = await db.auditEvent.findFirst({ where: { action: "auth.sign_in", result: "succeeded" } });
    expect(ev).toMatchObject({ actor: "vera@example.com", role: "viewer", ip: "10.0.0.1", userAgent: "vitest" });
  });

  it("answers unknown emails and wrong passwords identically", async () => {
    const unknown = await attemptSignIn("nobody@example.com", "x", meta("10.0.0.2"));
    const wrong = await attemptSignIn("vera@example.com", "x", meta("10.0.0.2"));
    expect(unknown).toEqual({ ok: false, message: GENERIC_SIGN_IN_ERROR });
    expect(wrong).toEqual(unknown);
    // The audit may name the email; the user-facing message may not.
    expect(await db.auditEvent.count({ where: { actor: "nobody@example.com", result: "failed" } })).toBe(1);
  });

  it("locks the account after five failures, even for the right password, then unlocks after the lock", async () => {
    await createUser({ name: "Lou", email: "lou@example.com", role: "operator", password: "lou-password-1" });
    for (let i = 0; i < 5; i++) expect((await attemptSignIn("lou@example.com", `bad-${i}`, meta("10.0.0.3"))).ok).toBe(false);
    const locked = await db.user.findUniqueOrThrow({ where: { email: "lou@example.com" } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await attemptSignIn("lou@example.com", "lou-password-1", meta("10.0.0.3"))).toEqual({ ok: false, message: GENERIC_SIGN_IN_ERROR });
    expect(await db.auditEvent.count({ where: { actor: "lou@example.com", result: "denied" } })).toBe(1);

    await db.user.update({ where: { email: "lou@example.com" }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await attemptSignIn("lou@example.com", "lou-password-1", meta("10.0.0.3"))).ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { email: "lou@example.com" } })).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it("rate-limits per IP across accounts", async () => {
    let limited = 0;
    for (let i = 0; i < 14; i++) {
      const r = await attemptSignIn(`spray-${i}@example.com`, "x", meta("10.0.0.9"));
      if (!r.ok && r.rateLimited) limited++;
    }
    expect(limited).toBe(2);
    // Another address is unaffected.
    expect((await attemptSignIn("vera@example.com", "right-password-1", meta("10.0.0.10"))).ok).toBe(true);
  });

  it("grows the delay with each failure, capped", () => {
    expect([1, 2, 3, 4, 5, 9].map(failureDelayMs)).toEqual([250, 500, 1000, 2000, 4000, 4000]);
  });
});
