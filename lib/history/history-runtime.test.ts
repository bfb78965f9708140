// Service history against the real local runtime, through the console's own SDK client for a
// stored connection: the first read records what the service is, a plain read records nothing
// (App Runner's filled-in fields are not drift), a change Runway makes is versioned with its
// author and operation when the watcher sees it succeed, a change made straight through the API
// is recorded as outside Runway, and a rollback restores the old value the app serves.
import http from "node:http";
import path from "node:path";
import { AppRunnerClient, DescribeServiceCommand, UpdateServiceCommand, type Service } from "@aws-sdk/client-apprunner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "@/lib/testing/start-runtime";
import { testDatabases, useTempDatabase } from "@/lib/testing/temp-db";
import { db } from "@/lib/db";
import { connectionInput } from "@/lib/connections/connection-schema";
import { createConnection } from "@/lib/connections/connections";
import { appRunnerClient, forgetClients } from "@/lib/aws/clients";
import { createService } from "@/lib/services/create-service";
import { serviceFormSchema } from "@/lib/services/service-form-schema";
import { updateService } from "@/lib/services/update-service";
import { OperationWatcher } from "@/lib/operations/operation-watcher";
import { insertTrackedOperation } from "@/lib/operations/tracked-operation";
import { changedLines, diffConfigs } from "./config-diff";
import { recordDriftOnRead, recordVersionAfterOperation } from "./record-change";
import { planRollback } from "./rollback-plan";
import { listVersions } from "./service-versions";

const root = path.resolve(__dirname, "../..");
const region = "us-east-1";
const credentials = { accessKeyId: "runway", secretAccessKey: "runway-secret" };
const author = { id: "u1", email: "op@example.com", role: "operator" };
let runtime: TestRuntime;
let api = "";
let dataPlane = "";
let client: AppRunnerClient;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const describeArn = async (arn: string): Promise<Service> => (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service!;

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await fn();
    if (v !== undefined) return v;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const running = (arn: string) => waitFor("RUNNING", async () => ((await describeArn(arn)).Status === "RUNNING" ? true : undefined));

/** What the app answers at its service URL, through the runtime's data plane. */
function served(serviceUrl: string): Promise<string> {
  const port = new URL(dataPlane).port;
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/", headers: { host: serviceUrl }, agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve(body));
    });
    req.on("error", () => resolve(""));
  });
}

function form(name: string, message: string, cpu: string, memory: string) {
  return serviceFormSchema.parse({
    serviceName: name,
    source: { kind: "code", repositoryUrl: path.join(root, "examples/node-hello"), branch: "main", configurationSource: "API", runtime: "NODEJS_22", startCommand: "node server.js", port: 8080 },
    cpu,
    memory,
    env: [{ name: "MESSAGE", value: message }],
    healthCheck: { protocol: "TCP", interval: 1, timeout: 1, healthyThreshold: 1, unhealthyThreshold: 3 },
  });
}

beforeAll(async () => {
  runtime = await startTestRuntime("history-test");
  api = runtime.api;
  dataPlane = runtime.dataPlane;
  client = new AppRunnerClient({ region, endpoint: api, credentials });
});

afterAll(async () => {
  await runtime?.stop();
});

describe.each(testDatabases)("service history against the runtime on %s", (kind) => {
  let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
  });
  afterAll(async () => {
    await tmp.cleanup();
  });

  it("versions Runway's changes, records drift from outside, and rolls back to the value served before", async () => {
    const connection = await createConnection(
      connectionInput.parse({ name: `Local ${kind}`, kind: "local", endpoint: api, regions: region, defaultRegion: region, credentialType: "static", ...credentials }),
    );
    forgetClients(connection.id);
    const consoleClient = await appRunnerClient(connection.id, region);
    const name = `hist-${kind.slice(0, 2)}-${Date.now().toString(36)}`;
    const arn = (await createService(client, form(name, "one", "0.25 vCPU", "0.5 GB"))).service.ServiceArn ?? "";
    await running(arn);
    const read = async () => recordDriftOnRead(consoleClient, connection.id, region, await describeArn(arn));
    const watcher = new OperationWatcher({ pollMs: 200, onSucceeded: recordVersionAfterOperation });
    /** A change Runway makes: tracked like an action does, then watched to its end. */
    const runwayChange = async (action: string, operationId: string, request?: unknown) => {
      await insertTrackedOperation(db, { action, serviceArn: arn, operationId, connectionId: connection.id, region, actor: { user: author }, request }, new Date(0));
      await waitFor(`${action} to finish`, async () => ((await watcher.tick()) > 0 ? true : undefined));
    };

    // First read: what the service is. Reading again changes nothing.
    await read();
    await read();
    let versions = await listVersions(db, arn);
    expect(versions.map((v) => [v.number, v.origin, v.action])).toEqual([[1, "outside", "observed"]]);
    expect(versions[0]!.config.env).toEqual({ MESSAGE: "one" });

    // A change through Runway: one version with its author and operation; a plain read after it is not drift.
    const update = await updateService(consoleClient, arn, form(name, "two", "1 vCPU", "2 GB"));
    expect(update.changed).toEqual(["SourceConfiguration", "InstanceConfiguration"]);
    await runwayChange("service.update", update.operationId ?? "");
    await read();
    versions = await listVersions(db, arn);
    expect(versions.map((v) => [v.number, v.origin, v.action, v.author, v.operationId])).toEqual([
      [2, "runway", "service.update", author.email, update.operationId],
      [1, "outside", "observed", null, null],
    ]);
    expect(changedLines(diffConfigs(versions[1]!.config, versions[0]!.config)).map((l) => [l.path, l.before, l.after])).toEqual([
      ["env.MESSAGE", "one", "two"],
      ["instance.cpu", "0.25 vCPU", "1 vCPU"],
      ["instance.memory", "0.5 GB", "2 GB"],
    ]);
    const serviceUrl = (await describeArn(arn)).ServiceUrl ?? "";
    expect(await served(serviceUrl)).toBe("two\n");

    // A change straight through the API (the CLI, the AWS console): recorded on the next read as outside Runway.
    const live = await describeArn(arn);
    const outside = structuredClone(live.SourceConfiguration!);
    outside.CodeRepository!.CodeConfiguration!.CodeConfigurationValues!.RuntimeEnvironmentVariables = { MESSAGE: "from outside" };
    await client.send(new UpdateServiceCommand({ ServiceArn: arn, SourceConfiguration: outside }));
    await running(arn);
    await read();
    versions = await listVersions(db, arn);
    expect(versions[0]).toMatchObject({ number: 3, origin: "outside", action: "drift", author: null });
    expect(changedLines(diffConfigs(versions[1]!.config, versions[0]!.config)).map((l) => l.path)).toEqual(["env.MESSAGE"]);

    // Roll back to v1: one UpdateService with only what differs; the app serves v1's value again.
    const plan = planRollback(versions.find((v) => v.number === 1)!.config, await describeArn(arn));
    expect(plan.sections).toEqual(["SourceConfiguration", "InstanceConfiguration"]);
    const rolled = await client.send(new UpdateServiceCommand(plan.input));
    await runwayChange("service.rollback", rolled.OperationId ?? "", { versionId: versions[2]!.id, restoredFrom: 1 });
    await read();
    versions = await listVersions(db, arn);
    expect(versions[0]).toMatchObject({ number: 4, origin: "runway", action: "service.rollback", restoredFrom: 1 });
    expect(changedLines(diffConfigs(versions[3]!.config, versions[0]!.config))).toEqual([]);
    expect(await served(serviceUrl)).toBe("one\n");
    await watcher.stop();
  });
});
