import http from "node:http";
import net from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Route } from "../contracts.js";
import { MetricStore } from "../cloudwatch/metric-store.js";
import { LogStore } from "../logs/log-store.js";
import { createDataPlane, type DataPlane } from "./data-plane.js";
import { defaultSettings } from "./test-support.js";
import { MemoryRouteTable } from "./route-table.js";
import { get, ProcessEngine } from "./test-support.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "runway-dataplane-"));
const routes = new MemoryRouteTable();
const engine = new ProcessEngine();
const metrics = new MetricStore({ dir: path.join(dir, "metrics") });
const logs = new LogStore({ dir: path.join(dir, "logs") });
let plane: DataPlane;
let port: number;

const route = (serviceId: string, scaling: Route["scaling"], status: Route["status"] = "RUNNING"): Route => ({ serviceId, serviceName: `svc-${serviceId}`, status, scaling });

beforeAll(async () => {
  plane = createDataPlane({ routes, engine, metrics, logs, host: "127.0.0.1", port: 0, settings: { ...defaultSettings, scaleInCooldownMs: 1000 } });
  engine.drain = plane.drain;
  port = await plane.listen();
  routes.set("one.s1.localhost", route("s1", { minSize: 1, maxSize: 1, maxConcurrency: 2 }));
  routes.set("two.s2.localhost", route("s2", { minSize: 2, maxSize: 2, maxConcurrency: 100 }));
  routes.set("paused.s3.localhost", route("s3", { minSize: 1, maxSize: 1, maxConcurrency: 10 }, "PAUSED"));
  routes.set("empty.s4.localhost", route("s4", { minSize: 1, maxSize: 1, maxConcurrency: 10 }));
  await Promise.all([engine.start("s1", { minSize: 1, maxSize: 1, maxConcurrency: 2 }), engine.start("s2", { minSize: 2, maxSize: 2, maxConcurrency: 100 })]);
});

afterAll(async () => {
  await plane.close();
  await engine.shutdown();
  metrics.close();
  logs.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("data plane routing", () => {
  it("routes by Host (port and case ignored) and adds X-Forwarded-For/Proto", async () => {
    const r = await get(port, "ONE.s1.localhost:4581", "/headers");
    expect(r.status).toBe(200);
    const headers = JSON.parse(r.body) as Record<string, string>;
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers.host).toBe("ONE.s1.localhost:4581");
  });

  it("answers unknown hosts and paused services with 404, a service without instances with 503", async () => {
    const unknown = await get(port, "nope.localhost", "/");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain("nope.localhost");
    const paused = await get(port, "paused.s3.localhost", "/");
    expect(paused.status).toBe(404);
    expect(paused.body).toContain("paused");
    const empty = await get(port, "empty.s4.localhost", "/");
    expect(empty.status).toBe(503);
    expect(empty.body).toContain("no healthy instance");
  });

  it("balances on least outstanding requests across healthy instances", async () => {
    const pids = await Promise.all(Array.from({ length: 10 }, () => get(port, "two.s2.localhost", "/slow?ms=1000").then((r) => r.body)));
    const counts = new Map<string, number>();
    for (const p of pids) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([5, 5]);
  });

  it("queues requests beyond MaxConcurrency instead of failing them", async () => {
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 6 }, () => get(port, "one.s1.localhost", "/slow?ms=300")));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // MaxConcurrency 2 on one instance (MaxSize 1): three waves of 300 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(850);
  });

  it("frees the slots of clients that gave up, whether queued or in flight", async () => {
    const abort = (ms: number) => {
      const req = http.get({ host: "127.0.0.1", port, path: "/slow?ms=800", headers: { host: "one.s1.localhost" }, agent: false });
      req.on("error", () => undefined);
      setTimeout(() => req.destroy(), ms);
    };
    // Two fill MaxConcurrency and are abandoned mid-flight; three more queue and are abandoned while waiting.
    for (let i = 0; i < 5; i++) abort(i < 2 ? 300 : 150);
    await new Promise((r) => setTimeout(r, 1200));
    const state = plane.services().get("s1");
    expect(state?.inflight).toBe(0);
    expect(state?.queue).toHaveLength(0);
    // Both slots are free again: two new requests run at once, none waits in the queue (checked by
    // state, not by a clock: a loaded machine makes any time bound flaky).
    const both = Promise.all([get(port, "one.s1.localhost", "/slow?ms=1500"), get(port, "one.s1.localhost", "/slow?ms=1500")]);
    await waitFor(() => state?.inflight === 2);
    expect(state?.queue).toHaveLength(0);
    await both;
  });

  it("streams responses and request bodies without buffering them", async () => {
    const firstChunkAt = await new Promise<number>((resolve, reject) => {
      const started = Date.now();
      http.get({ host: "127.0.0.1", port, path: "/stream?ms=1500", headers: { host: "two.s2.localhost" }, agent: false }, (res) => {
        res.once("data", () => resolve(Date.now() - started));
        res.resume();
      }).on("error", reject);
    });
    expect(firstChunkAt).toBeLessThan(1000);
    const body = Buffer.alloc(32 * 1024 * 1024, 7);
    const r = await get(port, "two.s2.localhost", "/count", { method: "POST", body });
    expect(r.body).toBe(String(body.length));
  });

  it("passes WebSocket upgrades through", async () => {
    const echoed = await new Promise<string>((resolve, reject) => {
      const sock = net.connect(port, "127.0.0.1", () => {
        sock.write("GET /ws HTTP/1.1\r\nHost: two.s2.localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
      });
      let text = "";
      sock.on("data", (d) => {
        text += d.toString();
        if (text.includes("\r\n\r\n") && !text.includes("ping")) sock.write("ping");
        if (text.includes("ping")) {
          sock.destroy();
          resolve(text);
        }
      });
      sock.on("error", reject);
    });
    expect(echoed).toMatch(/^HTTP\/1.1 101/);
    expect(echoed).toContain("x-forwarded-for: 127.0.0.1");
  });

  it("survives an instance dying mid-request and keeps serving through the others", async () => {
    const before = engine.instances("s2").map((i) => i.instanceId);
    const crashed = await get(port, "two.s2.localhost", "/die").catch(() => ({ status: 0, body: "" }));
    expect(crashed.status).toBe(502);
    // Until the engine has seen that process exit, the dead instance may still be picked (and the request retried).
    await waitFor(() => engine.instances("s2").filter((i) => i.state === "healthy" && before.includes(i.instanceId)).length < 2);
    const partial = await get(port, "two.s2.localhost", "/crash").catch((e: Error) => ({ status: -1, body: e.message }));
    // Headers were already sent: the response is cut short rather than turned into a 502.
    expect(partial.status === -1 || partial.status === 200, `status ${partial.status}: ${partial.body.slice(0, 160)}`).toBe(true);
    const after = await Promise.all(Array.from({ length: 20 }, () => get(port, "two.s2.localhost", "/")));
    expect(after.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.slice(0, 160)}`)).toEqual([]);
    await waitFor(() => engine.instances("s2").filter((i) => i.state === "healthy").length === 2);
    expect(engine.instances("s2").map((i) => i.instanceId)).not.toEqual(before);
  });

  it("records Requests, status classes and latency per service", async () => {
    const sum = (name: string) => {
      const now = Date.now();
      return [...metrics.aggregate(metrics.find(name, [{ Name: "ServiceID", Value: "s2" }]), now - 600_000, now + 60_000, 60_000).values()].reduce((a, b) => a + b.sum, 0);
    };
    const before = sum("Requests");
    await get(port, "two.s2.localhost", "/status?code=404");
    // The data plane tallies requests and flushes them every second, as CloudWatch data also arrives late.
    // Wait for the flush that holds the 404 itself: an earlier tally (the requests above) may land first.
    for (let i = 0; i < 100 && sum("4xxStatusResponses") < 1; i++) await new Promise((r) => setTimeout(r, 100));
    expect(metrics.find("Requests", [{ Name: "ServiceID", Value: "s2" }])).toHaveLength(1);
    expect(sum("Requests")).toBeGreaterThan(before);
    expect(sum("Requests")).toBeGreaterThanOrEqual(30);
    expect(sum("4xxStatusResponses")).toBeGreaterThanOrEqual(1);
    expect(sum("5xxStatusResponses")).toBeGreaterThanOrEqual(1);
    expect(sum("RequestLatency")).toBeGreaterThan(0);
  });
});

describe("autoscaling", () => {
  it("scales out to MaxSize under load past MaxConcurrency and back in after the cool-down", async () => {
    const scaling = { minSize: 1, maxSize: 3, maxConcurrency: 2 };
    routes.set("auto.s5.localhost", route("s5", scaling));
    await engine.start("s5", scaling);
    const load = Promise.all(Array.from({ length: 12 }, () => get(port, "auto.s5.localhost", "/slow?ms=1500")));
    await waitFor(() => engine.instances("s5").filter((i) => i.state === "healthy").length === 3, 10_000);
    const served = new Set((await load).map((r) => r.body));
    expect(served.size).toBe(3);
    expect(engine.scaleCalls.some((c) => c.serviceId === "s5" && c.desired === 3)).toBe(true);
    await waitFor(() => engine.instances("s5").length === 1, 15_000);
    const events = logs.getGroup("/aws/apprunner/svc-s5/s5/service")?.streams.get("events")?.events.map((e) => e.message) ?? [];
    expect(events.some((m) => /scaling out from \d to 3 instances/.test(m))).toBe(true);
    expect(events.some((m) => /scaling in from \d to 1 instances/.test(m))).toBe(true);
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
