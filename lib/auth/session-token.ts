// Session tokens: 32 random bytes in the cookie; the database keeps only their SHA-256,
// so a leaked database does not yield usable sessions.
import { createHash, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "runway_session";

export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, id: sessionIdFromToken(token) };
}

export function sessionIdFromToken(token: string | undefined | null): string {
  return createHash("sha256").update(token ?? "").digest("hex");
}

export function isWellFormedToken(token: string | undefined | null): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Idle expiry slides with use, but never past the absolute limit from creation. */
export function nextExpiry(createdAt: Date, now: Date, idleHours: number, maxDays: number): Date {
  const idle = now.getTime() + idleHours * 3600_000;
  const absolute = createdAt.getTime() + maxDays * 86400_000;
  return new Date(Math.min(idle, absolute));
}

export function isSessionLive(s: SessionTimes, now: Date, maxDays: number): boolean {
  return s.expiresAt.getTime() > now.getTime() && s.createdAt.getTime() + maxDays * 86400_000 > now.getTime();
}
