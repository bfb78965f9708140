// Tracked operations against the real local runtime, through the console's own SDK client
// for a stored connection, on SQLite and on PostgreSQL: a console that stops in the middle
// of watching (its check never returns) is replaced by a new one that finishes the job, and
// the final result is audited once even when the old one wakes up.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppRunnerClient, DescribeServiceCommand } from "@aws-sdk/client-apprunner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "@/lib/testing/start-runtime";
import { testDatabases, useTempDatabase } from "@/lib/testing/temp-db";
import { createDb, type Db } from "@/lib/db";
import { connectionInput } from "@/lib/connections/connection-schema";
import { createConnection } from "@/lib/connections/connections";
import { forgetClients } from "@/lib/aws/clients";
import { createService } from "@/lib/services/create-service";
import { pauseService } from "@/lib/services/pause-service";
import { resumeService } from "@/lib/services/resume-service";
import { startDeployment } from "@/lib/services/start-deployment";
import { serviceFormSchema } from "@/lib/services/service-form-schema";
import { checkOperation, type OperationOutcome } from "./operation-status";
import { OperationWatcher } from "./operation-watcher";
import { insertTrackedOperation } from "./tracked-operation";

const root = path.resolve(__dirname, "../..");
const region = "us-east-1";
const credentials = { accessKeyId: "runway", secretAccessKey: "runway-secret" };
let runtime: TestRuntime;
let api = "";
let client: AppRunnerClient;
let serviceArn = "";

async function status(arn = serviceArn): Promise<string> {
  return (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status ?? "";
}

function nodeHelloForm(serviceName: string, repositoryUrl = path.join(root, "examples/node-hello")) {
  return serviceFormSchema.parse({
    serviceName,
    source: { kind: "code", repositoryUrl, branch: "main", configurationSource: "API", runtime: "NODEJS_22", startCommand: "node server.js", port: 8080 },
    cpu: "0.25 vCPU",
    memory: "0.5 GB",
    env: [],
    healthCheck: { protocol: "TCP", interval: 1, timeout: 1, healthyThreshold: 1, unhealthyThreshold: 3 },
  });
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  runtime = await startTestRuntime("ops-test");
  api = runtime.api;
  client = new AppRunnerClient({ region, endpoint: api, credentials });
  serviceArn = (await createService(client, nodeHelloForm("ops-watch"))).service.ServiceArn ?? "";
  await waitFor("RUNNING", async () => ((await status()) === "RUNNING" ? true : undefined));
});

afterAll(async () => {
  await runtime?.stop();
});

describe.each(testDatabases)("tracked operations against the runtime on %s", (kind) => {
  let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
  const clients: Db[] = [];
  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await tmp.cleanup();
  });

  it("a restarted console finishes watching a pause or resume; the result is audited once", async () => {
    const connection = await createConnection(
      connectionInput.parse({ name: `Local ${kind}`, kind: "local", endpoint: api, regions: region, defaultRegion: region, credentialType: "static", ...credentials }),
    );
    forgetClients(connection.id);
    // Alternate pause/resume so each database's case starts an operation of its own.
    const paused = (await status()) === "PAUSED";
    const action = paused ? "service.resume" : "service.pause";
    const operationId = (paused ? await resumeService(client, serviceArn) : await pauseService(client, serviceArn)) ?? "";
    expect(operationId).toMatch(/\S/);
    const [first, second] = [createDb(tmp.url), createDb(tmp.url)];
    clients.push(first, second);
    await insertTrackedOperation(first, { action, serviceArn, operationId, connectionId: connection.id, region, actor: { user: { id: "u1", email: "op@example.com", role: "operator" } } }, new Date(0));

    // The first console claims it and then hangs in its check (as a console that is killed would).
    const leaseMs = 20_000;
    let wake!: () => void;
    const woken = new Promise<void>((r) => (wake = r));
    let hung!: () => void;
    const isHung = new Promise<void>((r) => (hung = r));
    const stuck = new OperationWatcher({ db: first, leaseMs, check: async (op) => (hung(), await woken, checkOperation(op)) });
    const stuckPass = stuck.tick();
    await isHung;

    // The next console process starts after the lease ran out and watches with the real check.
    const next = new OperationWatcher({ db: second, leaseMs, pollMs: 200, clock: () => new Date(Date.now() + leaseMs + 1_000) });
    let recorded = 0;
    const row = await waitFor("the final result", async () => {
      recorded += await next.tick();
      const r = await second.trackedOperation.findUniqueOrThrow({ where: { operationId } });
      return r.state === "pending" ? undefined : r;
    });
    expect(recorded).toBe(1);
    expect(row).toMatchObject({ state: "succeeded", finalStatus: "SUCCEEDED" });
    expect(await status()).toBe(paused ? "RUNNING" : "PAUSED");

    wake();
    expect(await stuckPass).toBe(0);
    const events = await second.auditEvent.findMany({ where: { request: { contains: operationId } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action, result: "succeeded", actor: "op@example.com", connection: `Local ${kind}`, target: serviceArn });
    const outcome: OperationOutcome = await checkOperation({ action, serviceArn, operationId, connectionId: connection.id, region });
    expect(outcome).toEqual({ done: true, ok: true, status: "SUCCEEDED" });
  });

  it("a deployment that fails is audited with the reason App Runner logged; the service keeps running", async () => {
    const connection = await createConnection(
      connectionInput.parse({ name: `Local fail ${kind}`, kind: "local", endpoint: api, regions: region, defaultRegion: region, credentialType: "static", ...credentials }),
    );
    forgetClients(connection.id);
    // A service built from a copy of the example; the copy is then deleted, so the next deployment cannot fetch it.
    const repo = mkdtempSync(path.join(os.tmpdir(), "runway-gone-source-"));
    cpSync(path.join(root, "examples/node-hello"), repo, { recursive: true });
    const arn = (await createService(client, nodeHelloForm(`ops-fail-${kind.slice(0, 2)}`, repo))).service.ServiceArn ?? "";
    await waitFor("RUNNING", async () => ((await status(arn)) === "RUNNING" ? true : undefined));
    rmSync(repo, { recursive: true, force: true });

    const operationId = (await startDeployment(client, arn)) ?? "";
    const db = createDb(tmp.url);
    clients.push(db);
    await insertTrackedOperation(db, { action: "service.deploy", serviceArn: arn, operationId, connectionId: connection.id, region, actor: { user: { id: "u1", email: "op@example.com", role: "operator" } } }, new Date(0));
    const watcher = new OperationWatcher({ db, pollMs: 200 });
    await waitFor("the final result", async () => ((await watcher.tick()) > 0 ? true : undefined));

    const [event] = await db.auditEvent.findMany({ where: { request: { contains: operationId } } });
    expect(event).toMatchObject({ action: "service.deploy", result: "failed" });
    expect(event?.error).toMatch(new RegExp(`^operation ${operationId} ended ROLLBACK_SUCCEEDED: Failed to pull your application source code: Source repository not found: .*runway-gone-source-`));
    expect(await status(arn)).toBe("RUNNING");
  });
});
