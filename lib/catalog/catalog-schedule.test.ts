import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/testing/temp-db";

const tmp = createTempDatabase();
const { db } = await import("@/lib/db");
const { CATALOG_SYNC_LEASE, claimSyncRound, runScheduledSync } = await import("./catalog-schedule");

afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

describe("scheduled catalog sync", () => {
  it("lets exactly one of several processes claim a round, and another after the lease expires", async () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const claims = await Promise.all(["a", "b", "c", "d"].map((who) => claimSyncRound(who, now, 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimSyncRound("e", new Date(now.getTime() + 59_000), 60_000)).toBe(false);
    expect(await claimSyncRound("e", new Date(now.getTime() + 61_000), 60_000)).toBe(true);
    expect((await db.lease.findUniqueOrThrow({ where: { key: CATALOG_SYNC_LEASE } })).owner).toBe("e");
  });

  it("runs a round once across two processes and audits it as catalog.sync by schedule", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const ran = await Promise.all([runScheduledSync("p1", now, 60_000), runScheduledSync("p2", now, 60_000)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    const events = await db.auditEvent.findMany({ where: { action: "catalog.sync", actor: "schedule" } });
    expect(events).toHaveLength(1);
    // No connection is configured in this database: the sync still succeeds, over zero regions.
    expect(events[0]!.result).toBe("succeeded");
    expect(JSON.parse(events[0]!.request ?? "{}")).toMatchObject({ regions: expect.any(Number), created: 0 });
  });
});
