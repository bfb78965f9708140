// SDK clients exist only for a connection's own regions, and their cache is bounded.
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/testing/temp-db";

const tmp = createTempDatabase();
const { db } = await import("@/lib/db");
const { createConnection } = await import("@/lib/connections/connections");
const { AwsContextError, appRunnerClient, cachedClientCount, cloudWatchLogsClient, forgetClients, MAX_CACHED_CLIENTS } = await import("@/lib/aws/clients");

describe("SDK client cache", () => {
  afterAll(async () => {
    await db.$disconnect();
    tmp.cleanup();
  });

  it("refuses a region the connection does not list, before making a client", async () => {
    const conn = await createConnection({ name: "Two regions", kind: "local", endpoint: "http://127.0.0.1:9", regions: ["us-east-1", "eu-west-1"], credentialType: "static", accessKeyId: "k", secretAccessKey: "s" });
    const before = cachedClientCount();
    for (const region of ["us-west-2", "evil-region-1", "us-east-1\n", ""]) {
      await expect(appRunnerClient(conn.id, region)).rejects.toMatchObject({ code: "unknown_region" });
      await expect(cloudWatchLogsClient(conn.id, region)).rejects.toBeInstanceOf(AwsContextError);
    }
    expect(cachedClientCount()).toBe(before);
    const a = await appRunnerClient(conn.id, "us-east-1");
    expect(await appRunnerClient(conn.id, "us-east-1")).toBe(a);
    expect(cachedClientCount()).toBe(before + 1);
    forgetClients(conn.id);
  });

  it(`keeps at most ${MAX_CACHED_CLIENTS} clients, dropping the least recently used`, async () => {
    const regions = Array.from({ length: 40 }, (_, i) => `us-test-${i + 1}`);
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const conn = await createConnection({ name: `Many ${n}`, kind: "local", endpoint: "http://127.0.0.1:9", regions, credentialType: "static", accessKeyId: "k", secretAccessKey: "s" });
      ids.push(conn.id);
    }
    const first = await appRunnerClient(ids[0]!, regions[0]!);
    for (const id of ids) for (const r of regions) await appRunnerClient(id, r);
    expect(cachedClientCount()).toBe(MAX_CACHED_CLIENTS);
    // The first client was evicted (and a new one made on the next call).
    expect(await appRunnerClient(ids[0]!, regions[0]!)).not.toBe(first);
    expect(cachedClientCount()).toBe(MAX_CACHED_CLIENTS);
  });
});
