// Password sign-in with the defences the issue asks for: one generic message, a growing
// delay per failure, a 15-minute lock after 5 failures per account, a per-IP window, and
// an audit event for every attempt.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/auth/request-meta";

export const GENERIC_SIGN_IN_ERROR = "Invalid email or password.";
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const IP_WINDOW_MS = 15 * 60_000;

export type SignInOutcome = { ok: true; userId: string } | { ok: false; message: string; rateLimited?: boolean };

/** Delay after the n-th consecutive failure: 250 ms doubling, capped at 4 s. */
export function failureDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(250 * 2 ** (failures - 1), 4000);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, env.RUNWAY_SIGNIN_NO_DELAY ? 0 : ms));

/** Fixed-window counter per IP in the database; returns false once the window is used up. */
async function takeIpAttempt(ip: string | null, now: Date): Promise<boolean> {
  const key = `signin:${ip ?? "unknown"}`;
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.windowEnd <= now) {
    await db.rateLimit.upsert({ where: { key }, create: { key, count: 1, windowEnd: new Date(now.getTime() + IP_WINDOW_MS) }, update: { count: 1, windowEnd: new Date(now.getTime() + IP_WINDOW_MS) } });
    return true;
  }
  if (row.count >= env.RUNWAY_SIGNIN_IP_LIMIT) return false;
  await db.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
  return true;
}

export async function attemptSignIn(email: string, password: string, meta: Pick<RequestMeta, "ip" | "userAgent">): Promise<SignInOutcome> {
  const now = new Date();
  const audit = (result: "succeeded" | "failed" | "denied", error: string | null, user?: { id: string; email: string; role: string }) =>
    recordAuditEvent({ user: user ?? null, actor: email, ip: meta.ip, userAgent: meta.userAgent }, { action: "auth.sign_in", target: email, result, error });

  if (!(await takeIpAttempt(meta.ip, now))) {
    await audit("denied", "too many attempts from this IP");
    return { ok: false, rateLimited: true, message: "Too many sign-in attempts from your network. Try again in a few minutes." };
  }

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  if (!user) {
    await verifyPassword(password, await dummyPasswordHash()); // same work as a real check
    await sleep(failureDelayMs(1));
    await audit("failed", "unknown email");
    return { ok: false, message: GENERIC_SIGN_IN_ERROR };
  }
  const who = { id: user.id, email: user.email, role: user.role };

  if (user.lockedUntil && user.lockedUntil > now) {
    await sleep(failureDelayMs(MAX_FAILURES));
    await audit("denied", `account locked until ${user.lockedUntil.toISOString()}`, who);
    return { ok: false, message: GENERIC_SIGN_IN_ERROR };
  }
  // A lock that has run out starts a fresh count.
  const priorFailures = user.lockedUntil ? 0 : user.failedLogins;

  const valid = await verifyPassword(password, user.passwordHash);
  if (!valid || user.disabled) {
    const failures = valid ? priorFailures : priorFailures + 1;
    const lock = failures >= MAX_FAILURES;
    await db.user.update({
      where: { id: user.id },
      data: { failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null },
    });
    await sleep(failureDelayMs(failures));
    await audit(user.disabled && valid ? "denied" : "failed", user.disabled ? "account disabled" : lock ? `wrong password; locked for ${LOCK_MINUTES} minutes` : `wrong password (${failures} in a row)`, who);
    return { ok: false, message: GENERIC_SIGN_IN_ERROR };
  }

  await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
  await audit("succeeded", null, who);
  return { ok: true, userId: user.id };
}
