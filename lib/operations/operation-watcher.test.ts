// The database-backed operation watcher, on SQLite and PostgreSQL: restarts, handovers and
// exactly-once final results. App Runner is replaced by a scripted check here (the real
// ListOperations path is operation-watcher-runtime.test.ts); the database is real, and each
// watcher has its own client, as separate console processes would.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases, useTempDatabase } from "@/lib/testing/temp-db";
import { runProcess } from "@/lib/testing/run-process";
import { createDb, type Db } from "@/lib/db";
import type { OperationOutcome, OperationRef } from "./operation-status";
import { OperationWatcher, leaseKey } from "./operation-watcher";
import { insertTrackedOperation } from "./tracked-operation";

const arn = "arn:aws:apprunner:us-east-1:000000000000:service/web/0123456789abcdef0123456789abcdef";
const actor = { user: { id: "u1", email: "op@example.com", role: "operator" }, ip: "10.0.0.9", userAgent: "vitest" };
const SUCCEEDED: OperationOutcome = { done: true, ok: true, status: "SUCCEEDED" };

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(testDatabases)("operation watcher on %s", (kind) => {
  let tmp: Awaited<ReturnType<typeof useTempDatabase>>;
  const clients: Db[] = [];
  const client = () => {
    const c = createDb(tmp.url);
    clients.push(c);
    return c;
  };
  let seq = 0;
  const track = async (db: Db, action = "service.pause") => {
    const operationId = `op-${kind}-${++seq}`;
    await insertTrackedOperation(db, { action, serviceArn: arn, operationId, connectionId: "conn-1", region: "us-east-1", actor, request: { reason: "test", apiToken: "secret-value" } }, new Date(0));
    return operationId;
  };
  // The final event's request names the operation exactly (op-x-1 must not match op-x-10).
  const finals = (db: Db, operationId: string) => db.auditEvent.findMany({ where: { request: { contains: `"operationId":"${operationId}"` } } });

  beforeAll(async () => {
    tmp = await useTempDatabase(kind);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await tmp.cleanup();
  });

  it("records the final result once, as the user who asked, with the request redacted", async () => {
    const db = client();
    const id = await track(db);
    const watcher = new OperationWatcher({ db, check: async () => SUCCEEDED });
    expect(await watcher.tick()).toBe(1);
    expect(await watcher.tick()).toBe(0);
    const events = await finals(db, id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "service.pause", result: "succeeded", actor: "op@example.com", actorId: "u1", role: "operator", ip: "10.0.0.9", target: arn });
    expect(JSON.parse(events[0]!.request!)).toEqual({ reason: "test", apiToken: "[redacted]", operationId: id });
    expect(await db.trackedOperation.findUniqueOrThrow({ where: { operationId: id } })).toMatchObject({ state: "succeeded", finalStatus: "SUCCEEDED" });
    expect(await db.lease.count({ where: { key: { startsWith: "operation:" } } })).toBe(0);
  });

  it("audits a failed or rolled-back operation as failed, with the status", async () => {
    const db = client();
    const id = await track(db, "service.deploy");
    await new OperationWatcher({ db, check: async () => ({ done: true, ok: false, status: "ROLLBACK_SUCCEEDED" }) }).tick();
    const [event] = await finals(db, id);
    expect(event).toMatchObject({ action: "service.deploy", result: "failed", error: `operation ${id} ended ROLLBACK_SUCCEEDED` });
    // With the reason App Runner logged, the audit says why.
    const why = await track(db, "service.rollback");
    await new OperationWatcher({ db, check: async () => ({ done: true, ok: false, status: "ROLLBACK_SUCCEEDED", reason: "Health check failed." }) }).tick();
    const [explained] = await finals(db, why);
    expect(explained).toMatchObject({ action: "service.rollback", result: "failed", error: `operation ${why} ended ROLLBACK_SUCCEEDED: Health check failed.` });
  });

  it("keeps checking while in progress, then gives up after the limit without claiming a result", async () => {
    const db = client();
    const id = await track(db);
    let t = Date.now();
    const watcher = new OperationWatcher({ db, pollMs: 1_000, giveUpMs: 60_000, clock: () => new Date(t), check: async () => ({ done: false }) });
    await watcher.tick();
    expect(await db.trackedOperation.findUniqueOrThrow({ where: { operationId: id } })).toMatchObject({ state: "pending", checks: 1 });
    await watcher.tick(); // not due yet: nextCheckAt is a poll interval away
    expect((await db.trackedOperation.findUniqueOrThrow({ where: { operationId: id } })).checks).toBe(1);
    t += 61_000;
    await watcher.tick();
    expect(await db.trackedOperation.findUniqueOrThrow({ where: { operationId: id } })).toMatchObject({ state: "abandoned" });
    expect(await finals(db, id)).toHaveLength(0);
  });

  it("resumes after a console restart: a crashed owner's lease runs out, a stopped one hands over at once", async () => {
    const leaseMs = 30_000;
    const id = await track(client());
    const first = new OperationWatcher({ db: client(), leaseMs, pollMs: 0, check: async () => ({ done: false }) });
    await first.tick(); // claimed and checked once, then the process "dies" (no stop, lease kept)
    const tracked = await client().trackedOperation.findUniqueOrThrow({ where: { operationId: id } });
    expect(await client().lease.findUniqueOrThrow({ where: { key: leaseKey(tracked.id) } })).toMatchObject({ owner: first.owner });

    const restartedDb = client();
    const soon = new OperationWatcher({ db: restartedDb, leaseMs, check: async () => SUCCEEDED });
    expect(await soon.tick()).toBe(0); // the dead owner's lease still holds
    const later = new OperationWatcher({ db: restartedDb, leaseMs, check: async () => SUCCEEDED, clock: () => new Date(Date.now() + leaseMs + 1_000) });
    expect(await later.tick()).toBe(1);
    expect(await finals(restartedDb, id)).toHaveLength(1);

    // A clean shutdown returns the lease, so the next process does not wait for it.
    const id2 = await track(restartedDb);
    const stopping = new OperationWatcher({ db: client(), leaseMs, pollMs: 0, check: async () => ({ done: false }) });
    await stopping.tick();
    await stopping.stop();
    expect(await new OperationWatcher({ db: client(), leaseMs, check: async () => SUCCEEDED }).tick()).toBe(1);
    expect(await finals(restartedDb, id2)).toHaveLength(1);
  });

  it("records the result once when a slow owner's lease expired and another process also saw the end", async () => {
    const leaseMs = 30_000;
    const id = await track(client());
    const gate = deferred<OperationOutcome>();
    const checking = deferred<void>();
    const slow = new OperationWatcher({
      db: client(),
      leaseMs,
      check: async () => {
        checking.resolve();
        return gate.promise; // stuck (GC pause, network) past its lease
      },
    });
    const slowPass = slow.tick();
    await checking.promise;
    const seen: OperationRef[] = [];
    const other = new OperationWatcher({ db: client(), leaseMs, clock: () => new Date(Date.now() + leaseMs + 1_000), check: async (op) => (seen.push(op), SUCCEEDED) });
    expect(await other.tick()).toBe(1);
    expect(seen.map((o) => o.operationId)).toEqual([id]);
    gate.resolve(SUCCEEDED);
    expect(await slowPass).toBe(0); // it saw the end too, but the row was no longer pending
    expect(await finals(client(), id)).toHaveLength(1);
  });

  it("two console processes on one database record each of many results exactly once", async () => {
    const db = client();
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push(await track(db));
    const fixture = path.join(__dirname, "watcher-process.fixture.ts");
    const input = { databaseUrl: tmp.url, startAt: Date.now() + 6_000, prefix: `op-${kind}-` };
    const [a, b] = await Promise.all([runProcess<{ finished: number }>(fixture, input), runProcess<{ finished: number }>(fixture, input)]);
    expect(a.finished + b.finished).toBe(ids.length);
    for (const id of ids) expect(await finals(db, id)).toHaveLength(1);
    expect(await db.trackedOperation.count({ where: { operationId: { in: ids }, state: "pending" } })).toBe(0);
  }, 240_000); // starting Node processes with tsx is slow on a loaded machine
});
