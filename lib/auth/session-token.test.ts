import { describe, expect, it } from "vitest";
import { isSessionLive, isWellFormedToken, newSessionToken, nextExpiry, sessionIdFromToken } from "@/lib/auth/session-token";

describe("session tokens", () => {
  it("stores only the SHA-256 of a 256-bit random token", () => {
    const { token, id } = newSessionToken();
    expect(isWellFormedToken(token)).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).toBe(sessionIdFromToken(token));
    expect(id).not.toContain(token);
    expect(newSessionToken().token).not.toBe(token);
  });

  it("refuses tampered or foreign cookie values before any lookup", () => {
    expect(isWellFormedToken(undefined)).toBe(false);
    expect(isWellFormedToken("")).toBe(false);
    expect(isWellFormedToken("abc")).toBe(false);
    expect(isWellFormedToken(`${newSessionToken().token}x`)).toBe(false);
    expect(isWellFormedToken("a".repeat(42) + "!")).toBe(false);
  });

  it("slides the idle expiry but never past the absolute limit", () => {
    const created = new Date("2026-01-01T00:00:00Z");
    expect(nextExpiry(created, created, 12, 7).toISOString()).toBe("2026-01-01T12:00:00.000Z");
    const sixDaysLater = new Date("2026-01-07T06:00:00Z");
    expect(nextExpiry(created, sixDaysLater, 12, 7).toISOString()).toBe("2026-01-07T18:00:00.000Z");
    const almostSeven = new Date("2026-01-07T20:00:00Z");
    expect(nextExpiry(created, almostSeven, 12, 7).toISOString()).toBe("2026-01-08T00:00:00.000Z");
  });

  it("treats idle-expired and absolutely-expired sessions as dead", () => {
    const created = new Date("2026-01-01T00:00:00Z");
    const s = { createdAt: created, lastSeenAt: created, expiresAt: new Date("2026-01-01T12:00:00Z") };
    expect(isSessionLive(s, new Date("2026-01-01T11:59:00Z"), 7)).toBe(true);
    expect(isSessionLive(s, new Date("2026-01-01T12:00:01Z"), 7)).toBe(false);
    const stale = { ...s, expiresAt: new Date("2026-02-01T00:00:00Z") };
    expect(isSessionLive(stale, new Date("2026-01-08T00:00:01Z"), 7)).toBe(false);
  });
});
