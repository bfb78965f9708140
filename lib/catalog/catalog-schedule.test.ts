import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/testing/temp-db";

const tmp = createTempDatabase();
const { db } = await import("@/lib/db");
const { claimSyncLease } = await import("./catalog-schedule");

afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

describe("scheduled sync lease", () => {
  it("lets exactly one of several processes claim a round, and another after the lease expires", async () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const claims = await Promise.all(["a", "b", "c", "d"].map((who) => claimSyncLease(who, now, 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimSyncLease("e", new Date(now.getTime() + 59_000), 60_000)).toBe(false);
    expect(await claimSyncLease("e", new Date(now.getTime() + 61_000), 60_000)).toBe(true);
    expect((await db.catalogSyncLease.findUniqueOrThrow({ where: { id: "catalog-sync" } })).holder).toBe("e");
  });
});
