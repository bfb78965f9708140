// The catalog sync against the real local runtime through the real SDK clients and a real
// database: new services become entries, a changed status is updated, a deleted service is
// marked gone (kept, with its team data), and a region that fails to list marks nothing gone.
import path from "node:path";
import { AppRunnerClient, CreateServiceCommand, DeleteServiceCommand, DescribeServiceCommand, ListTagsForResourceCommand, PauseServiceCommand } from "@aws-sdk/client-apprunner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "@/lib/testing/start-runtime";
import { createTempDatabase } from "@/lib/testing/temp-db";

const root = path.resolve(__dirname, "../..");
let runtime: TestRuntime;
let client: AppRunnerClient;
let tmp: ReturnType<typeof createTempDatabase>;
let db: typeof import("@/lib/db").db;
let syncCatalog: typeof import("./sync-catalog").syncCatalog;

async function settled(arn: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const s = (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status ?? "";
    if (s !== "OPERATION_IN_PROGRESS") return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${arn} never settled`);
}

async function createNodeService(name: string): Promise<string> {
  const out = await client.send(
    new CreateServiceCommand({
      ServiceName: name,
      SourceConfiguration: {
        AutoDeploymentsEnabled: true,
        CodeRepository: {
          RepositoryUrl: path.join(root, "examples/node-hello"),
          SourceCodeVersion: { Type: "BRANCH", Value: "main" },
          CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "node server.js", RuntimeEnvironmentVariables: { DB_PASSWORD: "hunter2" } } },
        },
      },
    }),
  );
  return out.Service!.ServiceArn!;
}

beforeAll(async () => {
  runtime = await startTestRuntime("catalog-sync");
  const api = runtime.api;
  client = new AppRunnerClient({ region: "us-east-1", endpoint: api, credentials: { accessKeyId: "runway", secretAccessKey: "runway-local" } });
  // The console's ready-made "Local runtime" connection points at this runtime.
  process.env.RUNWAY_LOCAL_RUNTIME_URL = api;
  tmp = createTempDatabase();
  db = (await import("@/lib/db")).db;
  syncCatalog = (await import("./sync-catalog")).syncCatalog;
});

afterAll(async () => {
  await db?.$disconnect();
  await runtime?.stop();
  tmp?.cleanup();
});

describe("catalog sync", () => {
  it("creates entries for new services, updates a changed status, marks a deleted service gone", async () => {
    const keepArn = await createNodeService("cat-keep");
    const dropArn = await createNodeService("cat-drop");
    expect(await settled(keepArn)).toBe("RUNNING");
    expect(await settled(dropArn)).toBe("RUNNING");

    const first = await syncCatalog();
    expect(first).toMatchObject({ created: 2, updated: 0, gone: 0, errors: [] });
    expect(first.regions).toBe(3);
    const keep = await db.catalogEntry.findUniqueOrThrow({ where: { arn: keepArn } });
    expect(keep).toMatchObject({ serviceName: "cat-keep", region: "us-east-1", status: "RUNNING", gone: false });
    // Facts for readiness were read from DescribeService and the auto scaling configuration, without secret values.
    expect(JSON.parse(keep.configFacts ?? "{}")).toMatchObject({ minSize: 1, healthCheckProtocol: "TCP", autoDeploy: true, sourceKind: "code", plainSecretEnvNames: ["DB_PASSWORD"] });
    expect(keep.configFacts).not.toContain("hunter2");

    // Team data on the entry that will disappear must survive.
    const team = await db.team.create({ data: { name: "search" } });
    await db.catalogEntry.update({ where: { arn: dropArn }, data: { ownerTeamId: team.id, tier: 2, runbookUrl: "https://wiki.example.com/drop" } });

    await client.send(new PauseServiceCommand({ ServiceArn: keepArn }));
    expect(await settled(keepArn)).toBe("PAUSED");
    await client.send(new DeleteServiceCommand({ ServiceArn: dropArn }));
    await settled(dropArn).catch(() => "gone");

    const second = await syncCatalog({ facts: false });
    expect(second).toMatchObject({ created: 0, updated: 1, gone: 1, errors: [] });
    expect(await db.catalogEntry.findUniqueOrThrow({ where: { arn: keepArn } })).toMatchObject({ status: "PAUSED", gone: false });
    const dropped = await db.catalogEntry.findUniqueOrThrow({ where: { arn: dropArn } });
    expect(dropped).toMatchObject({ gone: true, ownerTeamId: team.id, tier: 2, runbookUrl: "https://wiki.example.com/drop" });
    expect(dropped.goneAt).toBeInstanceOf(Date);

    // A third sync with nothing new changes nothing.
    expect(await syncCatalog({ facts: false })).toMatchObject({ created: 0, updated: 0, gone: 0 });

    // Owner and tier mirrored into App Runner tags through TagResource; unset tier removes its tag.
    const { mirrorEntryTags } = await import("./mirror-tags");
    const keepEntry = await db.catalogEntry.update({ where: { arn: keepArn }, data: { ownerTeamId: team.id, tier: 1 } });
    const admin = { id: "u1", email: "a@example.com", name: "A", role: "admin" as const };
    await mirrorEntryTags(admin, keepEntry.id);
    const tags = async () => (await client.send(new ListTagsForResourceCommand({ ResourceArn: keepArn }))).Tags?.map((t) => `${t.Key}=${t.Value}`).sort();
    expect(await tags()).toEqual(["runway:owner=search", "runway:tier=1"]);
    await db.catalogEntry.update({ where: { arn: keepArn }, data: { tier: null } });
    await mirrorEntryTags(admin, keepEntry.id);
    expect(await tags()).toEqual(["runway:owner=search"]);
    // A viewer may not.
    await expect(mirrorEntryTags({ ...admin, role: "viewer" }, keepEntry.id)).rejects.toThrow(/may tag/);
  });

  it("a region that cannot be listed is reported and marks nothing gone", async () => {
    const local = await db.connection.findFirstOrThrow();
    // A region the runtime does not serve answers with an error for every call.
    await db.connection.update({ where: { id: local.id }, data: { regions: JSON.stringify(["us-east-1", "bad region"]) } });
    const before = await db.catalogEntry.count({ where: { gone: true } });
    const r = await syncCatalog({ facts: false });
    expect(r.errors.map((e) => e.region)).toEqual(["bad region"]);
    expect(await db.catalogEntry.count({ where: { gone: true } })).toBe(before);
  });
});
