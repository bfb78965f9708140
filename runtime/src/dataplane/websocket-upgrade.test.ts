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
import { rawExchange, statuses } from "./protocol-fixtures.js";
import { MemoryRouteTable } from "./route-table.js";
import { defaultSettings } from "./test-support.js";

// Upgrades: only a WebSocket handshake (GET, no body, Upgrade: websocket) may become a tunnel, and only once the
// instance answered 101. Until then, and for any other Upgrade, the connection is plain HTTP: parsed, with
// X-Forwarded-For, timeouts and MaxConcurrency.

interface Seen {
  via: "request" | "upgrade";
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "runway-ws-"));
const metrics = new MetricStore({ dir: path.join(dir, "metrics") });
const logs = new LogStore({ dir: path.join(dir, "logs") });
const seen: Seen[] = [];
/** Sockets Node's server handed to the upgrade listener: closeAllConnections() does not know them. */
const upgraded = new Set<net.Socket>();
let endedTunnels = 0;
let app: http.Server;
let plane: DataPlane;
let port: number;

beforeAll(async () => {
  app = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ via: "request", method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.end(`plain ${req.url}`);
    });
  });
  // /ws is accepted and echoes; anything else is refused with 403 (and, as Node's server stops parsing HTTP on an
  // upgraded socket, closed).
  app.on("upgrade", (req: http.IncomingMessage, socket: net.Socket) => {
    seen.push({ via: "upgrade", method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: "" });
    upgraded.add(socket);
    socket.on("close", () => upgraded.delete(socket));
    socket.on("end", () => endedTunnels++);
    if (req.url !== "/ws") return socket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 2\r\nconnection: close\r\n\r\nno");
    socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n");
    socket.on("data", (d: Buffer) => socket.write(`echo:${d.toString()}`));
  });
  const appPort = await new Promise<number>((resolve) => app.listen(0, "127.0.0.1", () => resolve((app.address() as net.AddressInfo).port)));
  const inst: InstanceInfo = { instanceId: "i-ws", serviceId: "ws", deploymentId: "op", host: "127.0.0.1", port: appPort, pid: undefined, state: "healthy", startedAt: Date.now() };
  const engine = { instances: () => [inst], scaleTo: () => undefined } as unknown as Engine;
  const routes = new MemoryRouteTable();
  const route: Route = { serviceId: "ws", serviceName: "ws", status: "RUNNING", scaling: { minSize: 1, maxSize: 1, maxConcurrency: 100 } };
  routes.set("ws.localhost", route);
  plane = createDataPlane({ routes, engine, metrics, logs, host: "127.0.0.1", port: 0, settings: defaultSettings });
  port = await plane.listen();
});

afterAll(async () => {
  await plane.close();
  app.closeAllConnections();
  for (const s of upgraded) s.destroy();
  await new Promise((r) => app.close(r));
  metrics.close();
  logs.close();
  rmSync(dir, { recursive: true, force: true });
});

const H = "Host: ws.localhost\r\n";
const handshake = (p: string) => `GET ${p} HTTP/1.1\r\n${H}Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: k\r\nSec-WebSocket-Version: 13\r\n\r\n`;

describe("upgrades", () => {
  it("tunnels a WebSocket once the instance answered 101, with X-Forwarded-For on the handshake and the slot freed", async () => {
    const reply = await rawExchange(port, handshake("/ws"), { after: /\r\n\r\n/, then: "ping", until: /echo:ping/ });
    expect(statuses(reply)).toEqual([101]);
    expect(reply).toMatch(/upgrade: websocket/i);
    expect(reply).toMatch(/sec-websocket-accept: x/i);
    expect(reply.endsWith("echo:ping")).toBe(true);
    const hs = seen.find((s) => s.url === "/ws");
    expect(hs).toMatchObject({ via: "upgrade", method: "GET" });
    expect(hs?.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(hs?.headers.upgrade).toBe("websocket");
    expect(plane.services().get("ws")?.inflight).toBe(0);
    // The client left (rawExchange closed its socket): the data plane closes the instance's side too.
    for (let i = 0; i < 100 && endedTunnels === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(endedTunnels).toBe(1);
  });

  it("keeps a refused handshake, and what the client pipelined after it, plain HTTP", async () => {
    const before = seen.length;
    const reply = await rawExchange(port, handshake("/refused") + `GET /after HTTP/1.1\r\n${H}Connection: close\r\n\r\n`);
    expect(statuses(reply)).toEqual([403, 200]);
    expect(reply).toContain("plain /after");
    const after = seen.slice(before).find((s) => s.url === "/after");
    // Parsed and forwarded by the data plane, not spliced through raw.
    expect(after?.via).toBe("request");
    expect(after?.headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("forwards any other Upgrade as plain HTTP without its Upgrade header", async () => {
    const before = seen.length;
    const requests = [
      `GET /h2c HTTP/1.1\r\n${H}Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n`,
      `POST /post-upgrade HTTP/1.1\r\n${H}Connection: Upgrade\r\nUpgrade: websocket\r\nContent-Length: 5\r\n\r\nhello`,
      `GET /not-asked HTTP/1.1\r\n${H}Upgrade: websocket\r\n\r\n`,
      `GET /last HTTP/1.1\r\n${H}Connection: close\r\n\r\n`,
    ];
    const reply = await rawExchange(port, requests.join(""));
    expect(statuses(reply)).toEqual([200, 200, 200, 200]);
    const got = seen.slice(before);
    expect(got.map((s) => [s.via, s.url, s.body])).toEqual([
      ["request", "/h2c", ""],
      ["request", "/post-upgrade", "hello"],
      ["request", "/not-asked", ""],
      ["request", "/last", ""],
    ]);
    for (const s of got) {
      expect(s.headers.upgrade, s.url).toBeUndefined();
      expect(s.headers["http2-settings"], s.url).toBeUndefined();
      expect(s.headers["x-forwarded-for"], s.url).toBe("127.0.0.1");
    }
  });
});
