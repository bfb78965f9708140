// The scheduler against the real local runtime, through the console's own SDK client for a
// stored connection, on SQLite and on PostgreSQL: a window that just ended pauses the service,
// one that just began resumes it; two schedulers on one database fire once; a scheduler that
// dies after claiming a schedule is replaced by one that applies the state asked for now.
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppRunnerClient, DescribeServiceCommand, StartDeploymentCommand } from "@aws-sdk/client-apprunner";
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
import { serviceFormSchema } from "@/lib/services/service-form-schema";
import type { TrackOperationInput } from "@/lib/operations/tracked-operation";
import type { WeeklyWindow } from "./schedule-model";
import { Scheduler, type SchedulerOptions } from "./scheduler";
import { assertSchedulable } from "./save-schedule";
import { applyScheduleToCatalog, selectCatalogServices } from "./apply-to-catalog";

const root = path.resolve(__dirname, "../..");
const region = "us-east-1";
const credentials = { accessKeyId: "runway", secretAccessKey: "runway-secret" };
let runtime: TestRuntime;
let api = "";
let client: AppRunnerClient;
let serviceArn = "";

// The schedulers see a fixed Wednesday noon (UTC) that moves on with real time, so "a window
// that just ended" is the same wall-clock case on every run, whatever the machine's date.
const base = Date.parse("2026-06-10T12:00:00Z");
const t0 = Date.now();
const clock = () => new Date(base + (Date.now() - t0));
const justEnded: WeeklyWindow[] = [{ days: [3], start: "08:00", end: "11:59" }];
const justBegan: WeeklyWindow[] = [{ days: [3], start: "11:59", end: "18:00" }];
const aMinuteAgo = new Date(base - 60_000);

async function status(): Promise<string> {
  return (await client.send(new DescribeServiceCommand({ ServiceArn: serviceArn }))).Service?.Status ?? "";
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const settled = (want?: string) => waitFor(`status ${want ?? "settled"}`, async () => {
  const s = await status();
  return s !== "OPERATION_IN_PROGRESS" && (!want || s === want) ? s : undefined;
});

/** Puts the service in `state` directly through the SDK (the starting point of a case). */
async function ensure(state: "RUNNING" | "PAUSED"): Promise<void> {
  const now = await settled();
  if (now === state) return;
  await (state === "PAUSED" ? pauseService(client, serviceArn) : resumeService(client, serviceArn));
  await settled(state);
}

beforeAll(async () => {
  runtime = await startTestRuntime("schedules-test");
  api = runtime.api;
  client = new AppRunnerClient({ region, endpoint: api, credentials });
  const form = serviceFormSchema.parse({
    serviceName: "scheduled",
    source: { kind: "code", repositoryUrl: path.join(root, "examples/node-hello"), branch: "main", configurationSource: "API", runtime: "NODEJS_22", startCommand: "node server.js", port: 8080 },
    cpu: "0.25 vCPU",
    memory: "0.5 GB",
    env: [],
    healthCheck: { protocol: "TCP", interval: 1, timeout: 1, healthyThreshold: 1, unhealthyThreshold: 3 },
  });
  serviceArn = (await createService(client, form)).service.ServiceArn ?? "";
  await settled("RUNNING");
});

afterAll(async () => {
  await runtime?.stop();
});

describe.each(testDatabases)("the scheduler against the runtime on %s", (kind) => {
  let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
  let connectionId = "";
  const dbs: Db[] = [];
  const schedulers: Scheduler[] = [];
  const tracked: TrackOperationInput[] = [];
  const newDb = () => {
    const d = createDb(tmp.url);
    dbs.push(d);
    return d;
  };
  const newScheduler = (opts: SchedulerOptions) => {
    const s = new Scheduler({ clock, pollMs: 200, retryDelay: () => 300, track: async (input) => void tracked.push(input), ...opts });
    schedulers.push(s);
    return s;
  };
  const putSchedule = (db: Db, windows: WeeklyWindow[]) =>
    db.serviceSchedule.upsert({
      where: { serviceArn },
      create: { serviceArn, connectionId, region, serviceName: "scheduled", timeZone: "UTC", windows: JSON.stringify(windows), nextRunAt: aMinuteAgo },
      update: { windows: JSON.stringify(windows), nextRunAt: aMinuteAgo, enabled: true, failures: 0 },
    });
  const requests = (db: Db, action: string) => db.auditEvent.findMany({ where: { action, actor: "schedule", result: "requested", target: serviceArn } });

  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
    const connection = await createConnection(
      connectionInput.parse({ name: `Local ${kind}`, kind: "local", endpoint: api, regions: region, defaultRegion: region, credentialType: "static", ...credentials }),
    );
    connectionId = connection.id;
    forgetClients(connectionId);
  });
  afterAll(async () => {
    await Promise.all(schedulers.map((s) => s.stop()));
    await Promise.all(dbs.map((d) => d.$disconnect()));
    await tmp.cleanup();
  });

  it("pauses a service whose window just ended, and resumes it when a window just began", async () => {
    await ensure("RUNNING");
    const db = newDb();
    await putSchedule(db, justEnded);
    const scheduler = newScheduler({ db });
    scheduler.start();
    try {
      await runsBothWays(db);
    } finally {
      await scheduler.stop();
    }
  });

  async function runsBothWays(db: Db) {
    await settled("PAUSED");
    const paused = await waitFor("the pause recorded", async () => {
      const r = await db.serviceSchedule.findUniqueOrThrow({ where: { serviceArn } });
      return r.lastResult === "paused" ? r : undefined;
    });
    // Next: the following Wednesday 08:00 UTC, when the window opens again.
    expect(paused).toMatchObject({ lastDesired: "paused", failures: 0, lastError: null, nextRunAt: new Date("2026-06-17T08:00:00Z") });
    expect(await requests(db, "service.pause")).toHaveLength(1);
    expect(tracked.at(-1)).toMatchObject({ action: "service.pause", serviceArn, actor: { actor: "schedule" } });

    // The same scheduler, still running, sees the edited schedule fall due and resumes.
    await putSchedule(db, justBegan);
    await settled("RUNNING");
    const resumed = await waitFor("the resume recorded", async () => {
      const r = await db.serviceSchedule.findUniqueOrThrow({ where: { serviceArn } });
      return r.lastResult === "resumed" ? r : undefined;
    });
    expect(resumed).toMatchObject({ lastDesired: "running", failures: 0, nextRunAt: new Date("2026-06-10T18:00:00Z") });
    expect(await requests(db, "service.resume")).toHaveLength(1);
  }

  it("two schedulers on one database fire once", async () => {
    await ensure("RUNNING");
    const [a, b] = [newDb(), newDb()];
    const row = await putSchedule(a, justEnded);
    const before = (await requests(a, "service.pause")).length;
    const acted = await Promise.all([newScheduler({ db: a }).tick(), newScheduler({ db: b }).tick(), newScheduler({ db: b }).tick()]);
    expect(acted.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await requests(a, "service.pause")).toHaveLength(before + 1);
    await settled("PAUSED");
    // Due again only next Wednesday: another round does nothing.
    expect(await Promise.all([newScheduler({ db: a }).tick(), newScheduler({ db: b }).tick()])).toEqual([0, 0]);
    // Nobody else tried and failed (App Runner would refuse a second pause with InvalidStateException).
    expect(await a.serviceSchedule.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ lastResult: "paused", failures: 0, lastError: null });
    expect(await a.auditEvent.count({ where: { actor: "schedule", result: "failed", target: serviceArn } })).toBe(0);
  });

  it("a scheduler that dies after claiming a schedule is replaced by one that applies the state asked for now", async () => {
    await ensure("PAUSED");
    const [first, second] = [newDb(), newDb()];
    await putSchedule(first, justBegan);
    const before = (await requests(first, "service.resume")).length;
    const leaseMs = 20_000;
    // The first console claims the schedule, then hangs before it reaches App Runner (as a killed one would).
    let wake!: () => void;
    const woken = new Promise<void>((r) => (wake = r));
    let hung!: () => void;
    const isHung = new Promise<void>((r) => (hung = r));
    const stuck = newScheduler({ db: first, leaseMs, clientFor: async () => (hung(), await woken, client) });
    const stuckPass = stuck.tick();
    await isHung;
    // Until its claim runs out, nobody else acts on the schedule.
    expect(await newScheduler({ db: second, leaseMs }).tick()).toBe(0);

    // A console started after the claim ran out applies what the schedule asks for now: running.
    const later = () => new Date(clock().getTime() + leaseMs + 1_000);
    const next = newScheduler({ db: second, leaseMs, clock: later });
    expect(await next.tick()).toBe(1);
    await settled("RUNNING");
    const row = await second.serviceSchedule.findUniqueOrThrow({ where: { serviceArn } });
    expect(row).toMatchObject({ lastResult: "resumed", lastDesired: "running" });

    // The old one wakes up to a service already running: it requests nothing, and its stale
    // bookkeeping does not overwrite the new one's.
    wake();
    expect(await stuckPass).toBe(0);
    expect(await second.serviceSchedule.findUniqueOrThrow({ where: { serviceArn } })).toMatchObject({ lastResult: "resumed", nextRunAt: row.nextRunAt });
    expect(await requests(second, "service.resume")).toHaveLength(before + 1);
  });
});

describe("a schedule on a service that is neither running nor paused", () => {
  it("is refused with a clear error", async () => {
    const form = serviceFormSchema.parse({
      serviceName: "sched-broken",
      source: { kind: "code", repositoryUrl: path.join(root, "examples/node-hello"), branch: "main", configurationSource: "API", runtime: "NODEJS_22", buildCommand: "node -e process.exit(3)", startCommand: "node server.js", port: 8080 },
      cpu: "0.25 vCPU",
      memory: "0.5 GB",
      env: [],
    });
    const arn = (await createService(client, form)).service.ServiceArn ?? "";
    const failed = await waitFor("CREATE_FAILED", async () => {
      const s = (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status;
      return s === "CREATE_FAILED" ? s : undefined;
    });
    expect(failed).toBe("CREATE_FAILED");
    await expect(assertSchedulable(client, arn)).rejects.toThrow("A schedule can only be set on a running or paused service; sched-broken is create failed.");
    expect(await assertSchedulable(client, serviceArn)).toBe("scheduled");
  });
});

describe("a pause that meets an operation in progress", () => {
  let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
  let db: Db;
  let heldDir = "";
  beforeAll(async () => {
    tmp = await useTempDatabase("sqlite");
    db = createDb(tmp.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await tmp.cleanup();
    if (heldDir) rmSync(heldDir, { recursive: true, force: true });
  });

  it("is retried with backoff, the failure recorded for the page, and applied once the operation ends", async () => {
    // A source whose build waits for a file: a deployment stays in progress exactly as long as the test needs.
    heldDir = mkdtempSync(path.join(os.tmpdir(), "runway-sched-held-"));
    chmodSync(heldDir, 0o755);
    const release = path.join(heldDir, "release");
    for (const f of ["server.js", "package.json"]) copyFileSync(path.join(root, "examples/node-hello", f), path.join(heldDir, f));
    writeFileSync(path.join(heldDir, "hold.mjs"), `import { existsSync } from "node:fs";\nconst t = setInterval(() => existsSync(process.argv[2]) && clearInterval(t), 100);\n`);
    writeFileSync(release, "go\n");
    const form = serviceFormSchema.parse({
      serviceName: "sched-held",
      source: { kind: "code", repositoryUrl: heldDir, branch: "main", configurationSource: "API", runtime: "NODEJS_22", buildCommand: `node hold.mjs ${release}`, startCommand: "node server.js", port: 8080 },
      cpu: "0.25 vCPU",
      memory: "0.5 GB",
      env: [],
      healthCheck: { protocol: "TCP", interval: 1, timeout: 1, healthyThreshold: 1, unhealthyThreshold: 3 },
    });
    const arn = (await createService(client, form)).service.ServiceArn ?? "";
    const statusOf = async () => (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status;
    await waitFor("RUNNING", async () => ((await statusOf()) === "RUNNING" ? true : undefined));
    unlinkSync(release);
    await client.send(new StartDeploymentCommand({ ServiceArn: arn }));
    expect(await statusOf()).toBe("OPERATION_IN_PROGRESS");

    const connection = await createConnection(connectionInput.parse({ name: "Local held", kind: "local", endpoint: api, regions: region, defaultRegion: region, credentialType: "static", ...credentials }));
    forgetClients(connection.id);
    await db.serviceSchedule.create({ data: { serviceArn: arn, connectionId: connection.id, region, serviceName: "sched-held", timeZone: "UTC", windows: JSON.stringify(justEnded), nextRunAt: aMinuteAgo } });
    const delays: number[] = [];
    const scheduler = new Scheduler({ db, clock, track: async () => undefined, retryDelay: (n) => (delays.push(n), 500 * n) });

    expect(await scheduler.tick()).toBe(0);
    const failed = await db.serviceSchedule.findUniqueOrThrow({ where: { serviceArn: arn } });
    expect(failed).toMatchObject({ lastResult: "failed", failures: 1, lastError: "An operation is in progress; will pause when it ends." });
    expect(failed.nextRunAt.getTime()).toBeGreaterThan(clock().getTime());
    // Still held: the second attempt fails too and waits longer.
    await waitFor("the retry", async () => (clock() >= failed.nextRunAt ? true : undefined));
    expect(await scheduler.tick()).toBe(0);
    expect(await db.serviceSchedule.findUniqueOrThrow({ where: { serviceArn: arn } })).toMatchObject({ failures: 2 });
    expect(delays).toEqual([1, 2]);

    // The deployment ends; the next retry pauses the service and clears the failure.
    writeFileSync(release, "go\n");
    await waitFor("RUNNING again", async () => ((await statusOf()) === "RUNNING" ? true : undefined));
    const done = await waitFor("the pause", async () => {
      await scheduler.tick();
      const r = await db.serviceSchedule.findUniqueOrThrow({ where: { serviceArn: arn } });
      return r.lastResult === "paused" ? r : undefined;
    });
    expect(done).toMatchObject({ failures: 0, lastError: null });
    await waitFor("PAUSED", async () => ((await statusOf()) === "PAUSED" ? true : undefined));
    expect(existsSync(release)).toBe(true);
  });
});

describe("one schedule applied to a team's or a tag's catalog services", () => {
  let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
  let db: Db;
  beforeAll(async () => {
    tmp = await useTempDatabase("sqlite");
    db = createDb(tmp.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await tmp.cleanup();
  });

  it("stores it on each running or paused service and lists the others as skipped, with why", async () => {
    const form = serviceFormSchema.parse({
      serviceName: "bulk-broken",
      source: { kind: "code", repositoryUrl: path.join(root, "examples/node-hello"), branch: "main", configurationSource: "API", runtime: "NODEJS_22", buildCommand: "node -e process.exit(3)", startCommand: "node server.js", port: 8080 },
      cpu: "0.25 vCPU",
      memory: "0.5 GB",
      env: [],
    });
    const broken = (await createService(client, form)).service.ServiceArn ?? "";
    await waitFor("CREATE_FAILED", async () => ((await client.send(new DescribeServiceCommand({ ServiceArn: broken }))).Service?.Status === "CREATE_FAILED" ? true : undefined));
    const connection = await createConnection(connectionInput.parse({ name: "Local bulk", kind: "local", endpoint: api, regions: region, defaultRegion: region, credentialType: "static", ...credentials }));
    forgetClients(connection.id);
    const [platform, other] = await Promise.all([db.team.create({ data: { name: "platform" } }), db.team.create({ data: { name: "other" } })]);
    const entry = (arn: string, name: string, ownerTeamId: string, tags: string[]) =>
      db.catalogEntry.create({ data: { arn, connectionId: connection.id, region, serviceId: arn.split("/")[2] ?? "", serviceName: name, status: "RUNNING", lastSyncedAt: new Date(), ownerTeamId, tags: JSON.stringify(tags) } });
    await entry(serviceArn, "scheduled", platform.id, ["nightly"]);
    await entry(broken, "bulk-broken", platform.id, []);
    await entry(`${serviceArn.slice(0, serviceArn.lastIndexOf("/"))}0/ffffffffffffffffffffffffffffffff`, "elsewhere", other.id, ["nightly"]);

    const schedule = { timeZone: "Europe/Berlin", windows: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "19:00" }], exceptions: [] };
    const byTeam = await selectCatalogServices({ team: "platform", tag: "", filter: "" });
    expect(byTeam.map((r) => r.name).sort()).toEqual(["bulk-broken", "scheduled"]);
    const result = await applyScheduleToCatalog(byTeam, schedule, "op@example.com");
    expect(result.applied).toEqual(["scheduled"]);
    expect(result.skipped).toEqual([{ name: "bulk-broken", reason: "A schedule can only be set on a running or paused service; bulk-broken is create failed." }]);
    const stored = await db.serviceSchedule.findMany();
    expect(stored.map((r) => [r.serviceName, r.timeZone, r.createdBy])).toEqual([["scheduled", "Europe/Berlin", "op@example.com"]]);

    // By tag and a catalog filter: the tag spans teams, the filter narrows it.
    expect((await selectCatalogServices({ team: "", tag: "nightly", filter: "" })).map((r) => r.name).sort()).toEqual(["elsewhere", "scheduled"]);
    expect((await selectCatalogServices({ team: "", tag: "nightly", filter: "?q=elsewhere" })).map((r) => r.name)).toEqual(["elsewhere"]);
  });
});
