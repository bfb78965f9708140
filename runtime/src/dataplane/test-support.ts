// Test and benchmark support for the data plane: a small real engine that runs instances as child
// processes (an echo app), so proxy tests exercise real sockets and real process deaths.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { loadConfig } from "../config.js";
import type { DeploymentResult, DrainHook, Engine, InstanceInfo, ScalingBounds } from "../contracts.js";
import { dataPlaneSettings } from "./data-plane.js";

/** The data plane's settings as the runtime starts with them when nothing is configured. */
export const defaultSettings = dataPlaneSettings(loadConfig([], {}));

/** Echo app: /health, /headers (request headers as JSON), /slow?ms=N, /crash, /stream, POST /count, /whoami, WebSocket-ish upgrade echo. */
export const ECHO_APP = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const send = (s, b) => { res.writeHead(s, { "content-type": "text/plain" }); res.end(b); };
  if (url.pathname === "/health") return send(200, "ok");
  if (url.pathname === "/whoami") return send(200, String(process.pid));
  if (url.pathname === "/headers") return send(200, JSON.stringify(req.headers));
  if (url.pathname === "/slow") { const ms = Number(url.searchParams.get("ms") || 0); return setTimeout(() => send(200, String(process.pid)), ms); }
  if (url.pathname === "/status") return send(Number(url.searchParams.get("code")), "status");
  if (url.pathname === "/crash") { res.writeHead(200); res.write("partial"); return setTimeout(() => process.exit(1), 50); }
  if (url.pathname === "/die") return process.exit(1);
  if (url.pathname === "/stream") { res.writeHead(200); res.write("first\\n"); return setTimeout(() => res.end("last\\n"), Number(url.searchParams.get("ms") || 500)); }
  if (url.pathname === "/count") { let n = 0; req.on("data", (c) => (n += c.length)); return req.on("end", () => send(200, String(n))); }
  if (url.pathname === "/log") { console.log(url.searchParams.get("msg")); return send(200, "logged"); }
  send(200, "hello " + process.pid);
});
server.on("upgrade", (req, socket) => {
  socket.write("HTTP/1.1 101 Switching Protocols\\r\\nupgrade: websocket\\r\\nconnection: Upgrade\\r\\nx-forwarded-for: " + req.headers["x-forwarded-for"] + "\\r\\n\\r\\n");
  socket.on("data", (d) => socket.write(d));
});
server.keepAliveTimeout = 65000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => { server.close(() => process.exit(0)); setTimeout(() => process.exit(0), 2000).unref(); });
`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Running extends InstanceInfo {
  child: ChildProcess;
}

/** An Engine-shaped supervisor for one or more services running the echo app (or a given script). */
export class ProcessEngine implements Engine {
  readonly scaleCalls: { serviceId: string; desired: number; at: number }[] = [];
  drain: DrainHook | undefined;
  private readonly running = new Map<string, Running[]>();
  private readonly bounds = new Map<string, ScalingBounds>();
  private readonly desired = new Map<string, number>();
  private seq = 0;
  private stopping = false;

  constructor(private readonly script: string = ECHO_APP) {}

  /** Starts a service at MinSize; resolves when those instances are healthy. */
  async start(serviceId: string, scaling: ScalingBounds): Promise<void> {
    this.bounds.set(serviceId, scaling);
    this.desired.set(serviceId, scaling.minSize);
    await Promise.all(Array.from({ length: scaling.minSize }, () => this.launch(serviceId)));
  }

  instances(serviceId: string): InstanceInfo[] {
    return this.running.get(serviceId) ?? [];
  }

  scaleTo(serviceId: string, desired: number): void {
    const b = this.bounds.get(serviceId);
    if (!b) return;
    const n = Math.min(Math.max(desired, b.minSize), b.maxSize);
    this.scaleCalls.push({ serviceId, desired: n, at: Date.now() });
    this.desired.set(serviceId, n);
    this.reconcile(serviceId);
  }

  setScaling(serviceId: string, scaling: ScalingBounds): void {
    this.bounds.set(serviceId, scaling);
  }

  async shutdown(): Promise<void> {
    this.stopping = true;
    const all = [...this.running.values()].flat();
    await Promise.all(all.map((i) => this.stop(i, 0)));
  }

  private live(serviceId: string): Running[] {
    return (this.running.get(serviceId) ?? []).filter((i) => i.state === "starting" || i.state === "healthy");
  }

  private reconcile(serviceId: string): void {
    if (this.stopping) return;
    const want = this.desired.get(serviceId) ?? 0;
    const live = this.live(serviceId);
    for (let i = live.length; i < want; i++) void this.launch(serviceId);
    // Stop the newest extra instances first, draining each before SIGTERM.
    for (const inst of live.slice(want).reverse()) {
      inst.state = "draining";
      void this.stop(inst, 30_000);
    }
  }

  private async launch(serviceId: string): Promise<void> {
    const port = await freePort();
    const child = spawn(process.execPath, ["-e", this.script], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
    const inst: Running = { instanceId: `i-${++this.seq}`, serviceId, deploymentId: "op-test", host: "127.0.0.1", port, pid: child.pid, state: "starting", startedAt: Date.now(), child };
    const list = this.running.get(serviceId) ?? [];
    list.push(inst);
    this.running.set(serviceId, list);
    child.on("exit", () => {
      const was = inst.state;
      inst.state = "stopped";
      this.running.set(serviceId, (this.running.get(serviceId) ?? []).filter((i) => i !== inst));
      // A crash (not a stop we asked for) is replaced, as App Runner does.
      if (was === "healthy" || was === "starting") this.reconcile(serviceId);
    });
    for (let i = 0; i < 200 && inst.state === "starting"; i++) {
      if (await healthy(port)) inst.state = "healthy";
      else await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async stop(inst: Running, drainMs: number): Promise<void> {
    if (drainMs && this.drain) await this.drain.waitIdle(inst.instanceId, drainMs);
    if (inst.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      inst.child.once("exit", () => resolve());
      inst.child.kill("SIGTERM");
    });
  }

  // Unused Engine surface: deployments are not part of data-plane tests.
  async deploy(): Promise<DeploymentResult> {
    return { ok: true };
  }
  async resume(): Promise<DeploymentResult> {
    return { ok: true };
  }
  async restore(): Promise<DeploymentResult> {
    return { ok: true };
  }
  async pause(): Promise<void> {}
  async remove(): Promise<void> {}
  onSourceChanged(): void {}
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/health", agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.setTimeout(1000, () => req.destroy());
  });
}

/** One request through the data plane with a Host header (Node does not resolve *.localhost). */
export function get(port: number, host: string, path: string, opts: { method?: string; body?: Buffer | string; agent?: http.Agent | false } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: opts.method ?? "GET", headers: { host }, agent: opts.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}
