import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases, useTempDatabase } from "@/lib/testing/temp-db";
import { connectionInput } from "@/lib/connections/connection-schema";

let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
process.env.RUNWAY_LOCAL_RUNTIME_URL = "http://127.0.0.1:4999";
const { reloadEnv } = await import("@/lib/env");
reloadEnv();
const { db } = await import("@/lib/db");
const c = await import("@/lib/connections/connections");

describe("connection schema", () => {
  it("gives field-level messages", () => {
    const r = connectionInput.safeParse({ name: "", kind: "local", endpoint: "nope", regions: "us-east-1 moon-1", credentialType: "profile" });
    expect(r.success).toBe(false);
    const fields = Object.keys(r.error!.flatten().fieldErrors).sort();
    expect(fields).toEqual(["endpoint", "name", "profile", "regions"]);
  });

  it("reads form strings: regions split, blanks dropped", () => {
    const r = connectionInput.parse({ name: " Prod ", kind: "aws", regions: "eu-west-1, us-east-1\nus-east-1", defaultRegion: "", credentialType: "default", roleArn: "" });
    expect(r).toMatchObject({ name: "Prod", regions: ["eu-west-1", "us-east-1"], defaultRegion: undefined, roleArn: undefined });
  });
});

describe.each(testDatabases)("connections data layer on %s", (kind) => {
  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
  });
  afterAll(async () => {
    await db.$disconnect();
    await tmp.cleanup();
  });

  it("keeps a ready-made Local runtime connection in step with the env", async () => {
    const list = await c.listConnections();
    expect(list.map((x) => x.name)).toEqual(["Local runtime"]);
    expect(list[0]).toMatchObject({ kind: "local", endpoint: "http://127.0.0.1:4999", regions: ["us-east-1", "us-west-2", "eu-west-1"], defaultRegion: "us-east-1", accessKeyId: "runway", hasSecret: true });
    await c.ensureLocalConnection();
    expect(await db.connection.count()).toBe(1);
  });

  it("encrypts the secret at rest and never puts it in a view", async () => {
    const view = await c.createConnection(connectionInput.parse({ name: "Static", kind: "aws", regions: "us-east-1", credentialType: "static", accessKeyId: "AKIAEXAMPLE", secretAccessKey: "super-secret-value" }));
    expect(JSON.stringify(view)).not.toContain("super-secret-value");
    expect(view.hasSecret).toBe(true);
    const raw = await db.connection.findUniqueOrThrow({ where: { id: view.id }, omit: { encryptedSecret: false } });
    expect(raw.encryptedSecret).toMatch(/^v1\./);
    expect(raw.encryptedSecret).not.toContain("super-secret-value");
    expect(await c.loadConnectionSecret(view.id)).toBe("super-secret-value");

    // Editing without a new secret keeps the stored one.
    await c.updateConnection(view.id, connectionInput.parse({ name: "Static", kind: "aws", regions: "us-east-1 eu-west-1", credentialType: "static", accessKeyId: "AKIAEXAMPLE" }));
    expect(await c.loadConnectionSecret(view.id)).toBe("super-secret-value");
    // Switching away from static keys drops the secret.
    await c.updateConnection(view.id, connectionInput.parse({ name: "Static", kind: "aws", regions: "us-east-1", credentialType: "default" }));
    expect(await c.loadConnectionSecret(view.id)).toBeNull();
  });

  it("refuses duplicate names and static keys without a secret", async () => {
    await expect(c.createConnection(connectionInput.parse({ name: "Local runtime", kind: "aws", regions: "us-east-1", credentialType: "default" }))).rejects.toThrow("already exists");
    await expect(c.createConnection(connectionInput.parse({ name: "NoSecret", kind: "aws", regions: "us-east-1", credentialType: "static", accessKeyId: "AKIA" }))).rejects.toThrow("Secret access key is required");
  });
});
