import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine, InstanceInfo, Route } from "../contracts.js";
import { MetricStore } from "../cloudwatch/metric-store.js";
import { LogStore } from "../logs/log-store.js";
import { createDataPlane, type DataPlane } from "./data-plane.js";
import { defaultSettings } from "./test-support.js";
import { rawExchange, referenceApp, scriptedInstance, statuses, type Received } from "./protocol-fixtures.js";
import { MemoryRouteTable } from "./route-table.js";
import { get } from "./test-support.js";

// The data plane's own HTTP/1.1 handling, both ways: requests from clients (parsed strictly, re-framed for the
// instance) and responses from instances (parsed, re-framed for the client). Real sockets throughout; the
// "app" instance is Node's own http server, the reference parser most instances run.

const dir = mkdtempSync(path.join(os.tmpdir(), "runway-protocol-"));
const metrics = new MetricStore({ dir: path.join(dir, "metrics") });
const logs = new LogStore({ dir: path.join(dir, "logs") });
const chunkedHello = ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n", "6\r\nhello ", "\r\n", "5;ext=1\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n"];
let plane: DataPlane;
let port: number;
let app: Awaited<ReturnType<typeof referenceApp>>;
let raw: Awaited<ReturnType<typeof scriptedInstance>>;

const instance = (serviceId: string, p: number): InstanceInfo => ({ instanceId: `i-${serviceId}`, serviceId, deploymentId: "op", host: "127.0.0.1", port: p, pid: undefined, state: "healthy", startedAt: Date.now() });
const route = (serviceId: string): Route => ({ serviceId, serviceName: serviceId, status: "RUNNING", scaling: { minSize: 1, maxSize: 1, maxConcurrency: 100 } });
const lastReceived = (): Received => app.received[app.received.length - 1] as Received;

beforeAll(async () => {
  app = await referenceApp();
  raw = await scriptedInstance({
    "/chunked-slowly": { pieces: chunkedHello, gapMs: 30 },
    "/until-close": { pieces: ["HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of ", "it"], gapMs: 20, close: true },
    "/bad-status": { pieces: ["HTTP/1.1 OK\r\ncontent-length: 0\r\n\r\n"] },
    "/split-header": { pieces: ["HTTP/1.1 200 OK\r\nX-A: 1\nSet-Cookie: injected=1\r\ncontent-length: 0\r\n\r\n"] },
    "/early-hints": { pieces: ["HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n", "HTTP/1.1 204 No Content\r\nX-Final: yes\r\n\r\n"], gapMs: 20 },
    "/keep": { pieces: ["HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nkept"] },
    "/close": { pieces: ["HTTP/1.1 200 OK\r\nConnection: close\r\ncontent-length: 6\r\n\r\nclosed"], close: true },
    "/hang": { pieces: [] },
  });
  const instances: Record<string, InstanceInfo[]> = { app: [instance("app", app.port)], raw: [instance("raw", raw.port)] };
  const engine = { instances: (id: string) => instances[id] ?? [], scaleTo: () => undefined } as unknown as Engine;
  const routes = new MemoryRouteTable();
  routes.set("app.localhost", route("app"));
  routes.set("raw.localhost", route("raw"));
  plane = createDataPlane({ routes, engine, metrics, logs, host: "127.0.0.1", port: 0, settings: { ...defaultSettings, requestTimeoutMs: 1000 } });
  port = await plane.listen();
});

afterAll(async () => {
  await plane.close();
  await Promise.all([app.close(), raw.close()]);
  metrics.close();
  logs.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("requests from clients", () => {
  it("refuses requests two parsers could read differently, and forwards none of them", async () => {
    const before = app.received.length;
    const smuggling = [
      "POST / HTTP/1.1\r\nHost: app.localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: app.localhost\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
      "GET / HTTP/1.1\r\nHost: app.localhost\r\nContent-Length : 5\r\n\r\nhello",
      "GET / HTTP/1.1\r\nHost: app.localhost\r\nX-A: 1\nContent-Length: 5\r\n\r\nhello",
      "GET / HTTP/1.1\r\nHost: app.localhost\r\nX-A: 1\r\n folded\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: app.localhost\r\nContent-Length: -1\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: app.localhost\r\nHost: other.localhost\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: app.localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
    ];
    for (const bytes of smuggling) {
      const reply = await rawExchange(port, bytes);
      expect(statuses(reply), JSON.stringify(bytes)).toEqual([400]);
      expect(reply).toMatch(/connection: close/i);
    }
    expect(app.received.length).toBe(before);
  });

  it("answers unsupported codings, versions, expectations and oversized heads with their own status", async () => {
    const cases: [string, number][] = [
      ["POST / HTTP/1.1\r\nHost: app.localhost\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501],
      ["GET / HTTP/2.0\r\nHost: app.localhost\r\n\r\n", 505],
      ["POST / HTTP/1.1\r\nHost: app.localhost\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\nx", 417],
      [`GET / HTTP/1.1\r\nHost: app.localhost\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n`, 431],
    ];
    for (const [bytes, status] of cases) expect(statuses(await rawExchange(port, bytes)), bytes.slice(0, 40)).toEqual([status]);
  });

  it("de-chunks a chunked upload and sends it on re-framed, without its trailers", async () => {
    const reply = await rawExchange(port, "POST /up HTTP/1.1\r\nHost: app.localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n");
    expect(statuses(reply)).toEqual([200]);
    const seen = lastReceived();
    expect(seen.body).toBe("hello world");
    expect(seen.headers["transfer-encoding"]).toBe("chunked");
    expect(seen.headers["x-trailer"]).toBeUndefined();
  });

  it("answers pipelined requests in order on one connection", async () => {
    const one = (n: number, last = false) => `GET /seq/${n} HTTP/1.1\r\nHost: app.localhost\r\n${last ? "Connection: close\r\n" : ""}\r\n`;
    const reply = await rawExchange(port, one(1) + one(2) + one(3, true));
    expect(statuses(reply)).toEqual([200, 200, 200]);
    expect([...reply.matchAll(/"url":"(\/seq\/\d)"/g)].map((m) => m[1])).toEqual(["/seq/1", "/seq/2", "/seq/3"]);
  });

  it("sends 100 Continue before the client sends its body", async () => {
    const reply = await rawExchange(port, "POST /expect HTTP/1.1\r\nHost: app.localhost\r\nExpect: 100-continue\r\nContent-Length: 4\r\nConnection: close\r\n\r\n", { after: /100 Continue\r\n\r\n/, then: "body" });
    expect(statuses(reply)).toEqual([100, 200]);
    expect(lastReceived().body).toBe("body");
    expect(lastReceived().headers.expect).toBeUndefined();
  });

  it("answers HTTP/1.0 clients and closes their connection unless they asked to keep it", async () => {
    const reply = await rawExchange(port, "GET /old HTTP/1.0\r\nHost: app.localhost\r\n\r\n");
    expect(statuses(reply)).toEqual([200]);
    expect(reply).toMatch(/connection: close/i);
    expect(reply).toContain('"url":"/old"');
    const kept = await rawExchange(port, "GET /old HTTP/1.0\r\nHost: app.localhost\r\nConnection: keep-alive\r\n\r\n", { until: /"x-forwarded-proto":"http"}/, ms: 2000 });
    expect(kept).toMatch(/connection: keep-alive/i);
  });

  it("answers HEAD with the headers only", async () => {
    const reply = await rawExchange(port, "HEAD /h HTTP/1.1\r\nHost: app.localhost\r\nConnection: close\r\n\r\n");
    expect(statuses(reply)).toEqual([200]);
    expect(reply).toMatch(/content-length: \d+/i);
    expect(reply.endsWith("\r\n\r\n")).toBe(true);
  });

  it("appends to X-Forwarded-For and keeps hop-by-hop headers, and those Connection names, from the instance", async () => {
    await rawExchange(port, "GET /fwd HTTP/1.1\r\nHost: app.localhost\r\nConnection: close, X-Secret\r\nX-Secret: 1\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nX-Forwarded-For: 10.0.0.1\r\nX-Kept: yes\r\n\r\n");
    const { headers } = lastReceived();
    expect(headers["x-forwarded-for"]).toBe("10.0.0.1, 127.0.0.1");
    expect(headers["x-kept"]).toBe("yes");
    for (const h of ["x-secret", "keep-alive", "te"]) expect(headers[h], h).toBeUndefined();
  });
});

describe("responses from instances", () => {
  it("streams a chunked response that arrives in pieces, dropping its trailers", async () => {
    const r = await get(port, "raw.localhost", "/chunked-slowly");
    expect(r.status).toBe(200);
    expect(r.body).toBe("hello world");
    expect(r.headers["x-trailer"]).toBeUndefined();
  });

  it("forwards a body that ends when the instance closes", async () => {
    const r = await get(port, "raw.localhost", "/until-close");
    expect(r).toMatchObject({ status: 200, body: "all of it" });
  });

  it("answers 502, naming the problem, for a malformed response or one that would split a header", async () => {
    for (const p of ["/bad-status", "/split-header"]) {
      const r = await get(port, "raw.localhost", p);
      expect(r.status, p).toBe(502);
      expect(r.body).toMatch(/malformed response from the instance/);
      expect(r.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("skips an interim 103 and sends a 204 without a body", async () => {
    const reply = await rawExchange(port, "GET /early-hints HTTP/1.1\r\nHost: raw.localhost\r\nConnection: close\r\n\r\n");
    expect(statuses(reply)).toEqual([204]);
    expect(reply).toMatch(/X-Final: yes/);
  });

  it("reuses keep-alive connections to the instance, and opens a new one after the instance closes its own", async () => {
    const before = raw.accepted();
    for (let i = 0; i < 5; i++) expect((await get(port, "raw.localhost", "/keep")).body).toBe("kept");
    expect(raw.accepted() - before).toBeLessThanOrEqual(1);
    expect((await get(port, "raw.localhost", "/close")).body).toBe("closed");
    const afterClose = raw.accepted();
    expect((await get(port, "raw.localhost", "/keep")).body).toBe("kept");
    expect(raw.accepted()).toBe(afterClose + 1);
  });

  it("answers 504 when the instance does not answer within the request timeout", async () => {
    const started = Date.now();
    const r = await get(port, "raw.localhost", "/hang");
    expect(r.status).toBe(504);
    expect(r.body).toMatch(/did not answer within 1 s/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
