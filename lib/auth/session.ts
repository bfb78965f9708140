// Server-side sessions: the cookie holds a random token, the Session table its hash.
// getCurrentUser/requireUser are what pages and actions call.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { can, roles, type Permission, type Role } from "@/lib/auth/permissions";
import { requestMeta } from "@/lib/auth/request-meta";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { SESSION_COOKIE, isSessionLive, isWellFormedToken, newSessionToken, nextExpiry, sessionIdFromToken } from "@/lib/auth/session-token";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function asRole(value: string): Role {
  return (roles as readonly string[]).includes(value) ? (value as Role) : "viewer";
}

const globalForUsers = globalThis as unknown as { runwayHasUsers?: boolean };

/** True once any user exists; cached because the answer never goes back to false. */
export async function hasAnyUser(): Promise<boolean> {
  if (globalForUsers.runwayHasUsers) return true;
  const found = (await db.user.count()) > 0;
  if (found) globalForUsers.runwayHasUsers = true;
  return found;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!isWellFormedToken(token)) return null;
  const session = await db.session.findUnique({ where: { id: sessionIdFromToken(token) }, include: { user: true } });
  const now = new Date();
  if (!session || session.user.disabled || !isSessionLive(session, now, env.RUNWAY_SESSION_MAX_DAYS)) {
    if (session) await db.session.delete({ where: { id: session.id } }).catch(() => undefined);
    return null;
  }
  // Slide the idle expiry at most once a minute: avoids a write per request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    const expiresAt = nextExpiry(session.createdAt, now, env.RUNWAY_SESSION_IDLE_HOURS, env.RUNWAY_SESSION_MAX_DAYS);
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now, expiresAt } }).catch(() => undefined);
  }
  const u = session.user;
  return { id: u.id, email: u.email, name: u.name, role: asRole(u.role) };
});

/**
 * For pages: the signed-in user, or a redirect to /setup (no users yet) or /sign-in.
 * A user lacking `permission` is sent to /forbidden (Next's forbidden() needs an
 * experimental flag this project does not enable).
 */
export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    if (!(await hasAnyUser())) redirect("/setup");
    redirect("/sign-in");
  }
  if (permission && !can(user.role, permission)) {
    const h = await headers();
    const meta = await requestMeta();
    await recordAuditEvent({ user, ip: meta.ip, userAgent: meta.userAgent }, { action: "page.view", target: h.get("x-runway-pathname"), result: "denied", error: `role ${user.role} lacks ${permission}` });
    redirect("/forbidden");
  }
  return user;
}

/** Starts a session and sets the cookie. Only callable from a Server Action or route handler. */
export async function startSession(userId: string): Promise<void> {
  const meta = await requestMeta();
  const { token, id } = newSessionToken();
  const now = new Date();
  await db.session.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: nextExpiry(now, now, env.RUNWAY_SESSION_IDLE_HOURS, env.RUNWAY_SESSION_MAX_DAYS),
      ip: meta.ip,
      userAgent: meta.userAgent,
    },
  });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.RUNWAY_SECURE_COOKIES === "always" || (env.RUNWAY_SECURE_COOKIES === "auto" && meta.secure),
    path: "/",
    maxAge: Math.floor(env.RUNWAY_SESSION_MAX_DAYS * 86400),
  });
  await db.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
  // Opportunistic cleanup keeps the table small without a scheduler.
  await db.session.deleteMany({ where: { expiresAt: { lt: now } } }).catch(() => undefined);
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (isWellFormedToken(token)) {
    await db.session.deleteMany({ where: { id: sessionIdFromToken(token) } });
  }
  jar.delete(SESSION_COOKIE);
}
