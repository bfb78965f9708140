// Server-only user management. Guards keep at least one active admin and stop admins
// from locking themselves out.
import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { ActionError } from "@/lib/actions/action-result";
import type { Role } from "@/lib/auth/permissions";

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export async function listUsers(): Promise<UserView[]> {
  const rows = await db.user.findMany({ orderBy: { createdAt: "asc" } });
  const now = Date.now();
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    locked: !!u.lockedUntil && u.lockedUntil.getTime() > now,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }));
}

export async function createUser(input: { name: string; email: string; role: Role; password: string }) {
  const clash = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (clash) throw new ActionError("A user with this email already exists", "conflict", { email: ["Already registered"] });
  return db.user.create({
    data: { name: input.name, email: input.email, role: input.role, passwordHash: await hashPassword(input.password) },
    select: { id: true, email: true, role: true },
  });
}

/** The first admin; refuses once any user exists (checked inside one transaction). */
export async function createFirstAdmin(input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new ActionError("Setup is already complete. Sign in instead.", "conflict");
    return tx.user.create({ data: { name: input.name, email: input.email, role: "admin", passwordHash }, select: { id: true, email: true, role: true } });
  });
}

async function activeAdminsExcept(id: string): Promise<number> {
  return db.user.count({ where: { role: "admin", disabled: false, id: { not: id } } });
}

export async function updateUser(actorId: string, input: { id: string; role: Role; disabled: boolean }) {
  const user = await db.user.findUnique({ where: { id: input.id } });
  if (!user) throw new ActionError("That user no longer exists", "not_found");
  if (input.id === actorId && (input.role !== user.role || input.disabled)) throw new ActionError("You cannot change your own role or disable yourself", "forbidden");
  if (user.role === "admin" && (input.role !== "admin" || input.disabled) && (await activeAdminsExcept(user.id)) === 0) {
    throw new ActionError("Keep at least one active admin", "conflict");
  }
  const updated = await db.user.update({ where: { id: input.id }, data: { role: input.role, disabled: input.disabled, ...(input.disabled ? {} : { lockedUntil: null, failedLogins: 0 }) }, select: { id: true, email: true, role: true, disabled: true } });
  if (input.disabled) await db.session.deleteMany({ where: { userId: input.id } });
  return updated;
}

export async function resetPassword(input: { id: string; password: string }) {
  const user = await db.user.findUnique({ where: { id: input.id }, select: { id: true, email: true } });
  if (!user) throw new ActionError("That user no longer exists", "not_found");
  await db.user.update({ where: { id: input.id }, data: { passwordHash: await hashPassword(input.password), failedLogins: 0, lockedUntil: null } });
  await db.session.deleteMany({ where: { userId: input.id } });
  return user;
}

export async function deleteUser(actorId: string, id: string) {
  if (id === actorId) throw new ActionError("You cannot delete yourself", "forbidden");
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new ActionError("That user no longer exists", "not_found");
  if (user.role === "admin" && (await activeAdminsExcept(id)) === 0) throw new ActionError("Keep at least one active admin", "conflict");
  await db.user.delete({ where: { id } });
  return { id: user.id, email: user.email };
}
