// Rollouts, rollbacks, replacement, health checks, scaling, pause/resume and
// removal, with real instances. The drain hook below tracks in-flight requests
// the way the data plane does, so "no gap" is measured, not assumed.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DrainHook, Engine, InstanceInfo } from "../contracts.js";
import { isAlive } from "./process-tools.js";
import { EXAMPLES, get, request, serviceShape, tempDir, testEngine, waitFor, type ShapeOptions } from "./engine-test-support.js";

/** Counts requests per instance; waitIdle resolves when none is in flight. */
class InFlight implements DrainHook {
  private readonly counts = new Map<string, number>();
  async call(inst: InstanceInfo, urlPath = "/") {
    this.counts.set(inst.instanceId, (this.counts.get(inst.instanceId) ?? 0) + 1);
    try {
      return await get(inst.port, urlPath);
    } finally {
      this.counts.set(inst.instanceId, this.counts.get(inst.instanceId)! - 1);
    }
  }
  async waitIdle(instanceId: string, timeoutMs: number): Promise<void> {
    await waitFor(() => (this.counts.get(instanceId) ?? 0) === 0, timeoutMs, 10).catch(() => undefined);
  }
}

const engines: Engine[] = [];
function setup(opts: Parameters<typeof testEngine>[0] = {}) {
  const inFlight = new InFlight();
  const t = testEngine({ drain: inFlight, ...opts });
  engines.push(t.engine);
  return { ...t, inFlight };
}
afterAll(async () => {
  await Promise.all(engines.map((e) => e.shutdown()));
});

const healthy = (engine: Engine, id: string) => engine.instances(id).filter((i) => i.state === "healthy");
const withMessage = (message: string, extra: ShapeOptions = {}): ShapeOptions => ({
  values: { Runtime: "NODEJS_22", StartCommand: "node server.js", RuntimeEnvironmentVariables: { MESSAGE: message } },
  ...extra,
});

describe("engine rollouts", () => {
  it("replaces instances with no gap in service during a new deployment", async () => {
    const { engine, inFlight } = setup();
    const svc = serviceShape(withMessage("version one"));
    expect(await engine.deploy(request(svc))).toEqual({ ok: true });
    const [old] = healthy(engine, svc.ServiceId);

    const bodies = new Set<string>();
    let failures = 0;
    let calls = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const target = healthy(engine, svc.ServiceId)[0];
        if (!target) failures++;
        else {
          const r = await inFlight.call(target).catch(() => ({ status: 0, body: "" }));
          calls++;
          if (r.status !== 200) failures++;
          else bodies.add(r.body);
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const updated = serviceShape(withMessage("version two"));
    Object.assign(updated, { ServiceId: svc.ServiceId, ServiceArn: svc.ServiceArn });
    expect(await engine.deploy(request(updated, "update"))).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 200));
    polling = false;
    await poller;

    expect(failures).toBe(0);
    expect(calls).toBeGreaterThan(5);
    expect([...bodies].sort()).toEqual(["version one\n", "version two\n"]);
    const now = engine.instances(svc.ServiceId);
    expect(now).toHaveLength(1);
    expect(now[0]!.instanceId).not.toBe(old!.instanceId);
    expect(isAlive(old!.pid!)).toBe(false);
  });

  it("fails a broken start command within seconds and keeps the previous instances serving", async () => {
    const { engine, logs } = setup();
    const svc = serviceShape(withMessage("still here"));
    const rollbacks: string[] = [];
    const onRollback = (reason: string) => rollbacks.push(reason);
    expect(await engine.deploy({ ...request(svc), onRollback })).toEqual({ ok: true });
    const [before] = healthy(engine, svc.ServiceId);

    const broken = serviceShape({ values: { Runtime: "NODEJS_22", StartCommand: "runway-missing-binary --port 8080" } });
    Object.assign(broken, { ServiceId: svc.ServiceId });
    const started = Date.now();
    const req = { ...request(broken, "update"), onRollback };
    const result = await engine.deploy(req);
    // The progress hook fires once, with the reason, for a failure that has a previous deployment to keep.
    expect(rollbacks).toEqual(["command not found: runway-missing-binary"]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toEqual({ ok: false, reason: "command not found: runway-missing-binary" });
    expect(engine.instances(svc.ServiceId)).toEqual([before]);
    expect((await get(before!.port)).body).toBe("still here\n");
    const events = logs.text({ stream: `deployment/${req.operationId}` });
    expect(events).toContain(`Deployment with ID : ${req.operationId} failed. Failure reason : command not found: runway-missing-binary`);
    expect(events).toContain("Rolling back to previous deployment");
    // The service's events stream says why, too.
    expect(logs.text({ stream: "events" })).toMatch(/command not found: runway-missing-binary\n.*Deployment failed. Rolling back to previous deployment/);

    const exits = serviceShape({ values: { Runtime: "NODEJS_22", StartCommand: `node -e "console.error('missing config'); process.exit(3)"` } });
    Object.assign(exits, { ServiceId: svc.ServiceId });
    const exitResult = await engine.deploy(request(exits, "update"));
    expect(exitResult).toEqual({ ok: false, reason: "Your application exited with code 3 during start: missing config" });
    expect(healthy(engine, svc.ServiceId)).toEqual([before]);
  });

  it("retries a start once when the app lost its port to another process (EADDRINUSE)", async () => {
    const { engine } = setup();
    const dir = tempDir("runway-port-race-");
    const marker = path.join(tempDir("runway-marker-"), "first-start-done");
    writeFileSync(
      path.join(dir, "app.js"),
      `const fs = require("fs");
       if (!fs.existsSync(process.env.MARKER)) { fs.writeFileSync(process.env.MARKER, "1"); console.error("Error: listen EADDRINUSE: address already in use 127.0.0.1:" + process.env.PORT); process.exit(1); }
       require("http").createServer((q, s) => s.end("second start")).listen(Number(process.env.PORT), "127.0.0.1");`,
    );
    const svc = serviceShape({ repositoryUrl: dir, values: { Runtime: "NODEJS_22", StartCommand: "node app.js", RuntimeEnvironmentVariables: { MARKER: marker } } });
    expect(await engine.deploy(request(svc))).toEqual({ ok: true });
    expect((await get(healthy(engine, svc.ServiceId)[0]!.port)).body).toBe("second start");
    expect(engine.instances(svc.ServiceId)).toHaveLength(1);
  });

  it("replaces an instance that crashes", async () => {
    const { engine, logs } = setup();
    const svc = serviceShape(withMessage("phoenix"));
    expect(await engine.deploy(request(svc))).toEqual({ ok: true });
    const [first] = healthy(engine, svc.ServiceId);
    expect((await get(first!.port, "/crash")).body).toBe("crashing\n");
    const replacement = await waitFor(() => healthy(engine, svc.ServiceId).find((i) => i.instanceId !== first!.instanceId), 10_000);
    expect((await get(replacement.port)).body).toBe("phoenix\n");
    expect(engine.instances(svc.ServiceId)).toHaveLength(1);
    expect(logs.text({ stream: "events" })).toMatch(/Instance \w+ exited with code 1: crash requested.*Replacing the instance/);
  });

  it("uses HTTP health checks: a failing path fails the deployment, an unhealthy instance is replaced", async () => {
    const { engine } = setup({ startTimeoutMs: 1500 });
    const bad = serviceShape(withMessage("x", { healthCheck: { Protocol: "HTTP", Path: "/does-not-exist", Interval: 1, Timeout: 1, HealthyThreshold: 1, UnhealthyThreshold: 2 } }));
    let rolledBack = false;
    const result = await engine.deploy({ ...request(bad), onRollback: () => (rolledBack = true) });
    expect(result.ok).toBe(false);
    // A first deployment has nothing to roll back to.
    expect(rolledBack).toBe(false);
    expect(!result.ok && result.reason).toContain("Health check failed on protocol `HTTP`[Path: '/does-not-exist'], [Port: '8080'] for 2 s (last result: HTTP 404)");

    // An app whose /health starts failing after /sick.
    const dir = tempDir("runway-sick-");
    writeFileSync(
      path.join(dir, "app.js"),
      `const http = require("http"); let sick = false;
       http.createServer((q, s) => { if (q.url === "/sick") sick = true; s.statusCode = q.url === "/health" && sick ? 500 : 200; s.end(String(process.pid)); })
         .listen(Number(process.env.PORT), "127.0.0.1");`,
    );
    const svc = serviceShape({
      repositoryUrl: dir,
      values: { Runtime: "NODEJS_18", StartCommand: "node app.js" },
      healthCheck: { Protocol: "HTTP", Path: "/health", Interval: 1, Timeout: 1, HealthyThreshold: 1, UnhealthyThreshold: 2 },
    });
    expect(await engine.deploy(request(svc))).toEqual({ ok: true });
    const [first] = healthy(engine, svc.ServiceId);
    await get(first!.port, "/sick");
    const replacement = await waitFor(() => healthy(engine, svc.ServiceId).find((i) => i.instanceId !== first!.instanceId), 10_000);
    expect((await get(replacement.port, "/health")).status).toBe(200);
    await waitFor(() => !isAlive(first!.pid!), 5000);
  });

  it("scales between the bounds", async () => {
    const { engine } = setup();
    const svc = serviceShape(withMessage("many"));
    const req = request(svc, "create", 1, 3);
    expect(await engine.deploy(req)).toEqual({ ok: true });
    engine.scaleTo(svc.ServiceId, 10);
    await waitFor(() => healthy(engine, svc.ServiceId).length === 3, 10_000);
    const ports = new Set(healthy(engine, svc.ServiceId).map((i) => i.port));
    expect(ports.size).toBe(3);
    engine.scaleTo(svc.ServiceId, 0);
    await waitFor(() => engine.instances(svc.ServiceId).length === 1, 10_000);
    engine.setScaling(svc.ServiceId, { minSize: 2, maxSize: 4, maxConcurrency: 50 });
    await waitFor(() => healthy(engine, svc.ServiceId).length === 2, 10_000);
    // A deployment keeps the current capacity.
    expect(await engine.deploy({ ...request(svc, "deploy"), scaling: { minSize: 2, maxSize: 4, maxConcurrency: 50 } })).toEqual({ ok: true });
    expect(healthy(engine, svc.ServiceId)).toHaveLength(2);
  });

  it("pauses and resumes from the last build without fetching the source again, then removes", async () => {
    const { engine, dataDir } = setup();
    const src = tempDir("runway-src-");
    cpSync(path.join(EXAMPLES, "node-hello"), src, { recursive: true });
    const svc = serviceShape({ repositoryUrl: src, values: { Runtime: "NODEJS_22", StartCommand: "node server.js" } });
    expect(await engine.deploy(request(svc))).toEqual({ ok: true });
    const [first] = healthy(engine, svc.ServiceId);

    // A change to the source after the deployment must not show up on resume.
    const server = path.join(src, "server.js");
    writeFileSync(server, readFileSync(server, "utf8").replace('"Hello from Runway"', '"changed source"'));

    const pauseStarted = Date.now();
    await engine.pause(svc.ServiceId);
    expect(Date.now() - pauseStarted).toBeLessThan(5000);
    expect(engine.instances(svc.ServiceId)).toEqual([]);
    expect(isAlive(first!.pid!)).toBe(false);

    expect(await engine.resume(request(svc, "resume"))).toEqual({ ok: true });
    const [resumed] = healthy(engine, svc.ServiceId);
    expect((await get(resumed!.port)).body).toBe("Hello from Runway\n");

    await engine.remove(svc.ServiceId);
    expect(engine.instances(svc.ServiceId)).toEqual([]);
    expect(isAlive(resumed!.pid!)).toBe(false);
    expect(existsSync(path.join(dataDir, "services", svc.ServiceId))).toBe(false);
  });
});
