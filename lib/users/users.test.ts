import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases, useTempDatabase } from "@/lib/testing/temp-db";

let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
const { db } = await import("@/lib/db");
const users = await import("@/lib/users/users");
const { verifyPassword } = await import("@/lib/auth/password");

describe.each(testDatabases)("user management guards on %s", (kind) => {
  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
  });
  afterAll(async () => {
    await db.$disconnect();
    await tmp.cleanup();
  });

  it("creates the first admin only once", async () => {
    const admin = await users.createFirstAdmin({ name: "A", email: "a@example.com", password: "first-admin-pw" });
    expect(admin.role).toBe("admin");
    await expect(users.createFirstAdmin({ name: "B", email: "b@example.com", password: "second-admin-pw" })).rejects.toThrow("Setup is already complete");
    const stored = await db.user.findUniqueOrThrow({ where: { email: "a@example.com" }, omit: { passwordHash: false } });
    expect(stored.passwordHash).not.toContain("first-admin-pw");
    expect(await verifyPassword("first-admin-pw", stored.passwordHash)).toBe(true);
  });

  it("omits password hashes from default queries", async () => {
    const row = await db.user.findUniqueOrThrow({ where: { email: "a@example.com" } });
    expect("passwordHash" in row).toBe(false);
  });

  it("rejects duplicate emails", async () => {
    await expect(users.createUser({ name: "Dup", email: "a@example.com", role: "viewer", password: "dup-password-1" })).rejects.toThrow("already exists");
  });

  it("keeps at least one active admin and stops self-demotion", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "a@example.com" } });
    await expect(users.updateUser(admin.id, { id: admin.id, role: "viewer", disabled: false })).rejects.toThrow("your own role");
    const other = await users.createUser({ name: "O", email: "o@example.com", role: "admin", password: "other-admin-pw" });
    await expect(users.updateUser(other.id, { id: admin.id, role: "viewer", disabled: false })).resolves.toMatchObject({ role: "viewer" });
    await expect(users.deleteUser(admin.id, other.id)).rejects.toThrow("Keep at least one active admin");
    await expect(users.deleteUser(other.id, other.id)).rejects.toThrow("cannot delete yourself");
  });

  it("disabling a user ends their sessions", async () => {
    const v = await users.createUser({ name: "V", email: "v@example.com", role: "viewer", password: "viewer-pass-1" });
    await db.session.create({ data: { id: "s".repeat(64), userId: v.id, expiresAt: new Date(Date.now() + 3600_000) } });
    const actor = await db.user.findUniqueOrThrow({ where: { email: "o@example.com" } });
    await users.updateUser(actor.id, { id: v.id, role: "viewer", disabled: true });
    expect(await db.session.count({ where: { userId: v.id } })).toBe(0);
  });
});
