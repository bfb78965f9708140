import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine, InstanceInfo, Route } from "../contracts.js";
import { MetricStore } from "../cloudwatch/metric-store.js";
import { LogStore } from "../logs/log-store.js";
import { createDataPlane, type DataPlane } from "./data-plane.js";
import { defaultSettings } from "./test-support.js";
import { MemoryRouteTable } from "./route-table.js";

// An app that writes bytes after a complete response (a bug, or an attack on other clients): once a pooled
// connection carried such bytes, whatever follows on it is out of step with its requests. The data plane must
// stop reusing the instance's connections, so that at most the exchanges in flight when it happened are hurt.

const CLIENTS = 4;
const ROUNDS = 60;
const dir = mkdtempSync(path.join(os.tmpdir(), "runway-stray-"));
const metrics = new MetricStore({ dir: path.join(dir, "metrics") });
const logs = new LogStore({ dir: path.join(dir, "logs") });
let app: http.Server;
let plane: DataPlane;
let port: number;

beforeAll(async () => {
  app = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`for ${req.url}`);
    // A complete, well-formed response nobody asked for, a moment after the real one.
    if (req.url?.startsWith("/stray")) setTimeout(() => req.socket.writable && req.socket.write("HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nSTRAY"), 5);
  });
  app.keepAliveTimeout = 65_000;
  const appPort = await new Promise<number>((resolve) => app.listen(0, "127.0.0.1", () => resolve((app.address() as net.AddressInfo).port)));
  const inst: InstanceInfo = { instanceId: "i-stray", serviceId: "stray", deploymentId: "op", host: "127.0.0.1", port: appPort, pid: undefined, state: "healthy", startedAt: Date.now() };
  const engine = { instances: () => [inst], scaleTo: () => undefined } as unknown as Engine;
  const routes = new MemoryRouteTable();
  const route: Route = { serviceId: "stray", serviceName: "stray", status: "RUNNING", scaling: { minSize: 1, maxSize: 1, maxConcurrency: 100 } };
  routes.set("stray.localhost", route);
  plane = createDataPlane({ routes, engine, metrics, logs, host: "127.0.0.1", port: 0, settings: defaultSettings });
  port = await plane.listen();
});

afterAll(async () => {
  await plane.close();
  app.closeAllConnections();
  await new Promise((r) => app.close(r));
  metrics.close();
  logs.close();
  rmSync(dir, { recursive: true, force: true });
});

function fetchVia(agent: http.Agent, p: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: p, headers: { host: "stray.localhost" }, agent }, (res) => {
        let body = "";
        res.setEncoding("latin1");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

describe("an instance that writes after its responses", () => {
  it("stops having its connections reused, so other clients do not get those bytes as their answer", async () => {
    let wrong = 0;
    let total = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (let i = 0; i < ROUNDS; i++) {
          const p = i % 3 === 0 ? `/stray/${c}/${i}` : `/ok/${c}/${i}`;
          const body = await fetchVia(agent, p);
          total++;
          if (body !== `for ${p}`) wrong++;
        }
        agent.destroy();
      }),
    );
    expect(total).toBe(CLIENTS * ROUNDS);
    // Only exchanges already under way on the instance's connections when it first wrote out of turn.
    expect(wrong).toBeLessThanOrEqual(CLIENTS);
  });
});
