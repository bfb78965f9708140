// Leases on a real database, SQLite and PostgreSQL: separate clients stand in for separate
// console processes (each has its own connection, as two processes would).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases, useTempDatabase } from "@/lib/testing/temp-db";
import { createDb, type Db } from "@/lib/db";
import path from "node:path";
import { runProcess } from "@/lib/testing/run-process";
import { claimLease, pruneLeases, releaseLease } from "./lease";

describe.each(testDatabases)("leases on %s", (kind) => {
  let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
  const clients: Db[] = [];
  const client = () => {
    const c = createDb(tmp.url);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await tmp.cleanup();
  });

  it("is held by one owner until it expires, renewable by that owner only", async () => {
    const [a, b] = [client(), client()];
    const t0 = new Date("2030-01-01T00:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await claimLease(a, "k1", "A", 1_000, t0)).toBe(true);
    expect(await claimLease(b, "k1", "B", 1_000, at(500))).toBe(false);
    expect(await claimLease(a, "k1", "A", 1_000, at(900))).toBe(true); // renewed until 1900
    expect(await claimLease(b, "k1", "B", 1_000, at(1_500))).toBe(false);
    expect(await claimLease(b, "k1", "B", 1_000, at(2_000))).toBe(true); // A's renewal ran out
    expect(await claimLease(a, "k1", "A", 1_000, at(2_100))).toBe(false);
    expect(await a.lease.findUniqueOrThrow({ where: { key: "k1" } })).toMatchObject({ owner: "B" });
  });

  it("release by someone else does nothing; by the owner frees it", async () => {
    const [a, b] = [client(), client()];
    const now = new Date();
    expect(await claimLease(a, "k2", "A", 60_000, now)).toBe(true);
    await releaseLease(b, "k2", "B");
    expect(await claimLease(b, "k2", "B", 60_000, now)).toBe(false);
    await releaseLease(a, "k2", "A");
    expect(await claimLease(b, "k2", "B", 60_000, now)).toBe(true);
  });

  it("goes to exactly one of several processes racing for it, fresh or expired", async () => {
    // Round 1 races on a fresh key (everyone takes the create path), round 2 on an expired
    // lease (everyone takes the conditional update).
    const owners = ["P1", "P2", "P3"];
    const input = { databaseUrl: tmp.url, key: "k3", startAt: Date.now() + 6_000, now: Date.now() };
    const fixture = path.join(__dirname, "lease-race.fixture.ts");
    const results = await Promise.all(owners.map((owner) => runProcess<{ won: [boolean, boolean] }>(fixture, { ...input, owner })));
    for (const round of [0, 1]) expect(results.filter((r) => r.won[round]).length).toBe(1);
    const last = owners[results.findIndex((r) => r.won[1])];
    expect((await client().lease.findUniqueOrThrow({ where: { key: "k3" } })).owner).toBe(last);
  }, 240_000); // starting Node processes with tsx is slow on a loaded machine

  it("prunes leases that expired long ago", async () => {
    const a = client();
    await claimLease(a, "old", "A", 1, new Date("2020-01-01T00:00:00Z"));
    expect(await pruneLeases(a, new Date("2021-01-01T00:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await a.lease.findUnique({ where: { key: "old" } })).toBeNull();
  });
});
