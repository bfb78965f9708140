import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine, InstanceInfo, Route } from "../contracts.js";
import { MetricStore } from "../cloudwatch/metric-store.js";
import { LogStore } from "../logs/log-store.js";
import { createDataPlane, type DataPlane } from "./data-plane.js";
import { rawExchange, referenceApp, statuses, type Received } from "./protocol-fixtures.js";
import { MemoryRouteTable } from "./route-table.js";
import { defaultSettings, get } from "./test-support.js";

// What the data plane refuses or owns before a request reaches an app: methods no app behind App Runner sees,
// Host and target forms two readers could disagree on, header floods, the client's word on the scheme; and
// what it does when an instance hangs up on a request it was sent.

const dir = mkdtempSync(path.join(os.tmpdir(), "runway-policy-"));
const metrics = new MetricStore({ dir: path.join(dir, "metrics") });
const logs = new LogStore({ dir: path.join(dir, "logs") });
let plane: DataPlane;
let port: number;
let app: Awaited<ReturnType<typeof referenceApp>>;
/** An instance that reads each request head, counts it, and closes the connection without answering. */
let hangup: { port: number; heads: string[]; close(): Promise<void> };

const instance = (serviceId: string, id: string, p: number): InstanceInfo => ({ instanceId: id, serviceId, deploymentId: "op", host: "127.0.0.1", port: p, pid: undefined, state: "healthy", startedAt: Date.now() });
const route = (serviceId: string): Route => ({ serviceId, serviceName: serviceId, status: "RUNNING", scaling: { minSize: 1, maxSize: 2, maxConcurrency: 100 } });

async function hangingInstance(): Promise<typeof hangup> {
  const heads: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buf = "";
    socket.on("data", (d: Buffer) => {
      buf += d.toString("latin1");
      if (!buf.includes("\r\n\r\n")) return;
      heads.push(buf.slice(0, buf.indexOf("\r\n")));
      socket.destroy();
    });
  });
  const p = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
  return { port: p, heads, close: () => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))) };
}

beforeAll(async () => {
  app = await referenceApp();
  hangup = await hangingInstance();
  // "pair": the hanging instance first, so that with equal load the balancer picks it unless it marked it suspect.
  const instances: Record<string, InstanceInfo[]> = { app: [instance("app", "i-app", app.port)], pair: [instance("pair", "i-hangup", hangup.port), instance("pair", "i-good", app.port)] };
  const engine = { instances: (id: string) => instances[id] ?? [], scaleTo: () => undefined } as unknown as Engine;
  const routes = new MemoryRouteTable();
  routes.set("app.localhost", route("app"));
  routes.set("pair.localhost", route("pair"));
  plane = createDataPlane({ routes, engine, metrics, logs, host: "127.0.0.1", port: 0, settings: defaultSettings });
  port = await plane.listen();
});

afterAll(async () => {
  await plane.close();
  await Promise.all([app.close(), hangup.close()]);
  metrics.close();
  logs.close();
  rmSync(dir, { recursive: true, force: true });
});

const lastReceived = (): Received => app.received[app.received.length - 1] as Received;

describe("methods", () => {
  it("refuses CONNECT and TRACE with 405 and unknown methods with 501, without reaching an instance", async () => {
    const before = app.received.length;
    const cases: [string, number][] = [
      ["CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n", 405],
      ["CONNECT app.localhost:443 HTTP/1.1\r\nHost: app.localhost\r\n\r\n", 405],
      ["TRACE / HTTP/1.1\r\nHost: app.localhost\r\n\r\n", 405],
      ["BREW / HTTP/1.1\r\nHost: app.localhost\r\n\r\n", 501],
      ["get / HTTP/1.1\r\nHost: app.localhost\r\n\r\n", 501],
    ];
    for (const [bytes, status] of cases) {
      const reply = await rawExchange(port, bytes);
      expect(statuses(reply), bytes.slice(0, 30)).toEqual([status]);
      expect(reply).toMatch(/connection: close/i);
    }
    expect(app.received.length).toBe(before);
    for (const method of ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"]) {
      expect((await get(port, "app.localhost", "/m", { method })).status, method).toBe(200);
      expect(lastReceived().method).toBe(method);
    }
  });
});

describe("an instance that closes the connection after it was sent the request", () => {
  it("answers 502 at once, does not send the request to another instance, and keeps using the instance", async () => {
    const goodBefore = app.received.length;
    for (const method of ["GET", "POST"]) {
      const r = await get(port, "pair.localhost", `/hangup-${method}`, { method });
      expect(r.status, method).toBe(502);
      expect(r.body).toMatch(/instance failed before answering/);
    }
    // Sent once each: neither the idempotent GET nor the POST was tried again elsewhere.
    expect(hangup.heads).toEqual(["GET /hangup-GET HTTP/1.1", "POST /hangup-POST HTTP/1.1"]);
    expect(app.received.length).toBe(goodBefore);
    // Not marked suspect: with both instances idle the balancer still picks the first one.
    await get(port, "pair.localhost", "/again");
    expect(hangup.heads).toHaveLength(3);
  });
});

describe("headers the data plane owns or checks", () => {
  it("sets X-Forwarded-Proto itself, whatever the client sent", async () => {
    await rawExchange(port, "GET /proto HTTP/1.1\r\nHost: app.localhost\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
    expect(lastReceived().headers["x-forwarded-proto"]).toBe("http");
  });

  it("answers 431 to more than 100 header lines, and the app still sees the client's address below that", async () => {
    const before = app.received.length;
    const flood = `GET /flood HTTP/1.1\r\nHost: app.localhost\r\n${"X-E:\r\n".repeat(2000)}\r\n`;
    expect(statuses(await rawExchange(port, flood))).toEqual([431]);
    expect(app.received.length).toBe(before);
    const many = `GET /many HTTP/1.1\r\nHost: app.localhost\r\nConnection: close\r\n${"X-E:\r\n".repeat(97)}\r\n`;
    expect(statuses(await rawExchange(port, many))).toEqual([200]);
    expect(lastReceived().headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("answers 400 to a Host that is not a host and port, and to a missing Host in HTTP/1.1", async () => {
    const before = app.received.length;
    for (const host of ["H:@evil.example/", "H:80, evil.example", "app.localhost/x", "a b", "app.localhost:80:80", "[::1"]) {
      expect(statuses(await rawExchange(port, `GET / HTTP/1.1\r\nHost: ${host}\r\n\r\n`)), host).toEqual([400]);
    }
    expect(statuses(await rawExchange(port, "GET / HTTP/1.1\r\n\r\n"))).toEqual([400]);
    expect(app.received.length).toBe(before);
  });

  it("refuses an absolute-form target whose authority is not the Host, and odd target forms", async () => {
    const before = app.received.length;
    const refused = [
      "GET http://evil.example/ HTTP/1.1\r\nHost: app.localhost\r\n\r\n",
      "GET http://app.localhost@evil.example/ HTTP/1.1\r\nHost: app.localhost\r\n\r\n",
      "GET http://user@app.localhost/ HTTP/1.1\r\nHost: app.localhost\r\n\r\n",
      "GET app.localhost:80 HTTP/1.1\r\nHost: app.localhost\r\n\r\n",
      "GET * HTTP/1.1\r\nHost: app.localhost\r\n\r\n",
      "GET ftp://app.localhost/ HTTP/1.1\r\nHost: app.localhost\r\n\r\n",
    ];
    for (const bytes of refused) expect(statuses(await rawExchange(port, bytes)), bytes.slice(0, 40)).toEqual([400]);
    expect(app.received.length).toBe(before);
    const same = await rawExchange(port, "GET http://APP.localhost/abs?q=1 HTTP/1.1\r\nHost: app.localhost\r\nConnection: close\r\n\r\n");
    expect(statuses(same)).toEqual([200]);
    expect(lastReceived().url).toBe("http://APP.localhost/abs?q=1");
    expect(statuses(await rawExchange(port, "OPTIONS * HTTP/1.1\r\nHost: app.localhost\r\nConnection: close\r\n\r\n"))).toEqual([200]);
  });
});
