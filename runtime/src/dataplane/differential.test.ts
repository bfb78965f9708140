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
import { generateCase, readAsDataPlane, rng, type Meant, type Reading } from "./differential-requests.js";
import { HOP_BY_HOP } from "./header-lines.js";
import { MemoryRouteTable, normalize } from "./route-table.js";
import { defaultSettings } from "./test-support.js";

// Differential test of the data plane's HTTP/1.1 request parser against llhttp (Node's parser, which most apps
// behind it run). Thousands of seeded, mutated request streams (framing, header forms, pipelining, split
// writes) go three ways: through the data plane's own parser in-process (what it means), through the data
// plane to an app on Node's http server (what the app reads), and straight to another Node http server (what
// llhttp reads from the same bytes). For every case the data plane refuses, or the app reads exactly what it
// meant, and llhttp alone reads the same requests from the raw bytes.
//
// Reproduce a failure with DIFF_SEED=<seed> (and DIFF_CASES=<n>); the failing case's bytes are printed.

const SEED = Number(process.env.DIFF_SEED ?? 20261130);
const CASES = Number(process.env.DIFF_CASES ?? 2000);
const WORKERS = 8;

interface Read {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
  /** Read by Node as an upgrade: llhttp stops parsing HTTP at the end of its head. */
  upgraded?: true;
  /** The whole request arrived. */
  done?: true;
}

const complete = (reads: Read[] | undefined): Read[] => (reads ?? []).filter((r) => r.done).map(({ done: _, ...r }) => r);

const dir = mkdtempSync(path.join(os.tmpdir(), "runway-diff-"));
const metrics = new MetricStore({ dir: path.join(dir, "metrics") });
const logs = new LogStore({ dir: path.join(dir, "logs") });
const routes = new MemoryRouteTable();
/** What the app behind the data plane read, by client address (each case connects from its own 127.x.y.z). */
const behind = new Map<string, Read[]>();
/** How many of each client's requests were checked when its case ended. */
const checked = new Map<string, number>();
/** What llhttp read straight from the client's bytes, by client port. */
const direct = new Map<number, Read[]>();
let app: http.Server;
let mirror: http.Server;
let plane: DataPlane;
let port: number;
let mirrorPort: number;

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

/**
 * A Node http server that records each request it reads, in the order their heads arrive, then answers a short
 * 200 once the body is complete (only complete requests are compared: `done`).
 */
function recorder(record: (req: http.IncomingMessage, read: Read) => void): http.Server {
  const server = http.createServer((req, res) => {
    const read: Read = { method: req.method ?? "", url: req.url ?? "", headers: pairs(req.rawHeaders), body: "" };
    record(req, read);
    req.setEncoding("latin1");
    req.on("data", (c: string) => (read.body += c));
    req.on("end", () => {
      read.done = true;
      res.end("ok");
    });
  });
  // A WebSocket handshake is read too, then refused (the data plane then drops that connection).
  server.on("upgrade", (req: http.IncomingMessage, socket: net.Socket) => {
    record(req, { method: req.method ?? "", url: req.url ?? "", headers: pairs(req.rawHeaders), body: "", upgraded: true, done: true });
    socket.end("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

const listen = (s: http.Server) => new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as net.AddressInfo).port)));

beforeAll(async () => {
  app = recorder((req, read) => {
    const xff = String(req.headers["x-forwarded-for"] ?? "");
    const client = xff.slice(xff.lastIndexOf(",") + 1).trim();
    (behind.get(client) ?? behind.set(client, []).get(client))?.push(read);
  });
  mirror = recorder((req, read) => {
    const p = req.socket.remotePort ?? 0;
    (direct.get(p) ?? direct.set(p, []).get(p))?.push(read);
  });
  const appPort = await listen(app);
  mirrorPort = await listen(mirror);
  const inst: InstanceInfo = { instanceId: "i-app", serviceId: "app", deploymentId: "op", host: "127.0.0.1", port: appPort, pid: undefined, state: "healthy", startedAt: Date.now() };
  const engine = { instances: () => [inst], scaleTo: () => undefined } as unknown as Engine;
  const route: Route = { serviceId: "app", serviceName: "app", status: "RUNNING", scaling: { minSize: 1, maxSize: 1, maxConcurrency: 1000 } };
  routes.set("app.localhost", route);
  plane = createDataPlane({ routes, engine, metrics, logs, host: "127.0.0.1", port: 0, settings: defaultSettings });
  port = await plane.listen();
});

afterAll(async () => {
  await plane.close();
  for (const s of [app, mirror]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  metrics.close();
  logs.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Sends the bytes in pieces from `local` and collects the replies until the server closes, `enough` says so, or
 * 5 s pass (only a disagreement, or a very loaded machine, makes a case wait that long).
 */
function send(to: number, local: string, bytes: string, cuts: number[], enough: (reply: string, clientPort: number) => boolean): Promise<{ reply: string; clientPort: number }> {
  return new Promise((resolve) => {
    const socket = net.connect({ port: to, host: "127.0.0.1", localAddress: local });
    let reply = "";
    let clientPort = 0;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ reply, clientPort });
    };
    const timer = setTimeout(() => {
      waited++;
      if (process.env.DIFF_DEBUG) console.log("waited", to === port ? "plane" : "mirror", JSON.stringify(bytes), JSON.stringify(reply));
      finish();
    }, 5000);
    socket.on("connect", () => {
      clientPort = socket.localPort ?? 0;
      let from = 0;
      const pieces = [...cuts, bytes.length].map((to) => {
        const piece = bytes.slice(from, to);
        from = to;
        return piece;
      });
      const next = () => {
        const piece = pieces.shift();
        if (socket.destroyed) return;
        // All sent: a case expecting no answer (bytes the server must wait on) ends after a short settle; anything
        // forwarded later is caught by the sweep at the end of the test.
        if (piece === undefined) return void setTimeout(() => enough(reply, clientPort) && finish(), 20);
        if (piece) socket.write(piece, "latin1");
        setImmediate(next);
      };
      next();
    });
    socket.on("data", (d: Buffer) => {
      reply += d.toString("latin1");
      if (enough(reply, clientPort)) finish();
    });
    socket.on("close", finish);
    socket.on("error", finish);
  });
}

/** Cases that waited the full 5 s for an answer: a disagreement, or a case the test cannot see the end of. */
let waited = 0;

const finalResponses = (reply: string) => (reply.match(/HTTP\/1\.1 [2-5]\d\d /g) ?? []).length;

/** Header names neither side forwards as they came: hop-by-hop, framing, and what the data plane owns. */
function comparable(headers: [string, string][], connectionNamed: string[]): [string, string][] {
  const dropped = new Set([...HOP_BY_HOP, "content-length", "expect", "x-forwarded-for", "x-forwarded-proto", ...connectionNamed]);
  return headers.filter(([n]) => !dropped.has(n.toLowerCase()));
}

function connectionNamed(headers: [string, string][]): string[] {
  return headers.filter(([n]) => n.toLowerCase() === "connection").flatMap(([, v]) => v.split(",").map((t) => t.trim().toLowerCase()));
}

/** What the app should read for a request the data plane forwards: its lines, then the data plane's own headers. */
function expectedBehind(m: Meant, client: string): Read {
  const headers: [string, string][] = [...m.headers, ["x-forwarded-for", m.forwardedFor ? `${m.forwardedFor}, ${client}` : client], ["x-forwarded-proto", "http"]];
  if (m.websocket) headers.push(["connection", "Upgrade"], ["upgrade", "websocket"]);
  else if (m.chunked) headers.push(["transfer-encoding", "chunked"]);
  else if (m.body.length) headers.push(["content-length", String(m.body.length)]);
  return { method: m.method, url: m.target, headers, body: m.body };
}

function describeCase(seed: number, i: number, bytes: string, reading: Reading): string {
  return `seed ${seed} case ${i}: ${JSON.stringify(bytes)}; data plane reads ${reading.requests.length} request(s), then ${JSON.stringify(reading.end)}`;
}

async function runCase(i: number, bytes: string, cuts: number[]): Promise<void> {
  const reading = readAsDataPlane(bytes);
  const what = describeCase(SEED, i, bytes, reading);
  // Requests the data plane forwards: those it accepted for a host it serves. It answers the others itself, and
  // whether the connection goes on after that depends on when their body arrived: only those before are sure.
  const isRouted = (m: Meant) => m.host !== undefined && routes.lookup(normalize(m.host)) !== undefined;
  const routed = reading.requests.filter(isRouted);
  const firstUnrouted = reading.requests.findIndex((m) => !isRouted(m));
  const surely = firstUnrouted < 0 ? routed.length : firstUnrouted;
  const client = `127.${1 + Math.floor(i / (254 * 256))}.${Math.floor(i / 254) % 256}.${(i % 254) + 1}`;
  const answers = reading.requests.length + (typeof reading.end === "object" ? 1 : 0);

  const viaPlane = await send(port, client, bytes, cuts, (reply) => finalResponses(reply) >= answers);
  const got = complete(behind.get(client));
  checked.set(client, got.length);
  expect(got.length, `${what}\nthe app read ${got.length}: ${JSON.stringify(got)}`).toBeLessThanOrEqual(routed.length);
  expect(got.length, `${what}\nthe app read ${got.length}: ${JSON.stringify(got)}\nreplies: ${JSON.stringify(viaPlane.reply)}`).toBeGreaterThanOrEqual(surely);
  got.forEach((read, k) => {
    const expected = expectedBehind(routed[k] as Meant, client);
    expect(read, what).toEqual(routed[k]?.websocket ? { ...expected, upgraded: true } : expected);
  });
  if (typeof reading.end === "object") expect(viaPlane.reply, what).toContain(`HTTP/1.1 ${reading.end.refused} `);

  // llhttp, given the bytes of the requests the data plane accepted, must read exactly those requests, the same
  // way: were it to see a request end elsewhere, it would wait for more bytes or read one request too many.
  if (!reading.requests.length) return;
  const prefix = bytes.slice(0, reading.consumed);
  const viaMirror = await send(mirrorPort, client, prefix, cuts.filter((c) => c < prefix.length), (reply, p) => finalResponses(reply) >= reading.requests.length || (direct.get(p) ?? []).some((r) => r.upgraded));
  const seen = complete(direct.get(viaMirror.clientPort));
  direct.delete(viaMirror.clientPort);
  // An upgrade request (Connection: upgrade and any Upgrade) ends what llhttp parses as HTTP. The data plane forwards
  // only WebSocket handshakes that way and every other one as plain HTTP, so from there the two differ by design.
  const upgradeAt = seen.findIndex((r) => r.upgraded);
  const compared = upgradeAt < 0 ? reading.requests : reading.requests.slice(0, upgradeAt + 1);
  expect(seen.length, `${what}\nllhttp read ${seen.length}: ${JSON.stringify(seen)}\nits reply: ${JSON.stringify(viaMirror.reply)}`).toBe(compared.length);
  compared.forEach((m, k) => {
    const r = seen[k] as Read;
    const xff = r.headers.filter(([n]) => n.toLowerCase() === "x-forwarded-for").map(([, v]) => v);
    expect({ method: r.method, url: r.url, body: r.upgraded ? "" : r.body, headers: comparable(r.headers, connectionNamed(r.headers)), xff: xff.length ? xff.join(", ") : undefined }, what).toEqual({
      method: m.method,
      url: m.target,
      body: r.upgraded ? "" : m.body,
      headers: m.headers,
      xff: m.forwardedFor,
    });
  });
}

describe("the request parser against llhttp", () => {
  it(`agrees on ${CASES} seeded, mutated request streams (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const r = rng(SEED);
    const cases = Array.from({ length: CASES }, () => generateCase(r));
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < cases.length) {
          const i = next++;
          const c = cases[i] as { bytes: string; cuts: number[] };
          await runCase(i, c.bytes, c.cuts);
        }
      }),
    );
    // Nothing reached the app after its case was checked (a request forwarded late, after the client left).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const late = [...behind].filter(([client, list]) => complete(list).length !== checked.get(client));
    expect(late).toEqual([]);
    // The generator's mix: most cases reach the app, and a good share is refused.
    const forwarded = [...behind.values()].reduce((n, list) => n + complete(list).length, 0);
    expect(forwarded).toBeGreaterThan(CASES / 2);
    expect(waited).toBeLessThan(CASES / 100);
  });
});
