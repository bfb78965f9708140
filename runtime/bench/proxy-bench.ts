// Proxy overhead: 64 keep-alive connections straight to one instance, through nginx (Debian's, upstream
// keepalive) and through the runtime's data plane; then the p99 added at a fixed 1,000 requests/s.
// `npx tsx runtime/bench/proxy-bench.ts [--quick]`; loopback only, bounded. Last line is JSON.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { Engine, InstanceInfo } from "../src/contracts.js";
import { MetricStore } from "../src/cloudwatch/metric-store.js";
import { createDataPlane } from "../src/dataplane/data-plane.js";
import { MemoryRouteTable } from "../src/dataplane/route-table.js";
import { ECHO_APP, freePort } from "../src/dataplane/test-support.js";
import { LogStore } from "../src/logs/log-store.js";

type Autocannon = (o: { url: string; connections: number; duration: number; headers: Record<string, string> }) => Promise<{
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}>;
// autocannon ships no type declarations.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const HOST = "bench.localhost";
const quick = process.argv.includes("--quick");
const seconds = quick ? 4 : 8;
const children: ChildProcess[] = [];

/** Child role: the data plane in its own process, so load generator and proxy do not share an event loop. */
async function serveDataPlane(instancePort: number, dir: string): Promise<void> {
  const routes = new MemoryRouteTable();
  routes.set(HOST, { serviceId: "bench", serviceName: "bench", status: "RUNNING", scaling: { minSize: 1, maxSize: 1, maxConcurrency: 200 } });
  const instance: InstanceInfo = { instanceId: "i-bench", serviceId: "bench", deploymentId: "op", host: "127.0.0.1", port: instancePort, pid: undefined, state: "healthy", startedAt: Date.now() };
  const engine = { instances: () => [instance], scaleTo: () => undefined } as unknown as Engine;
  const plane = createDataPlane({ routes, engine, metrics: new MetricStore({ dir: path.join(dir, "m") }), logs: new LogStore({ dir: path.join(dir, "l") }), host: "127.0.0.1", port: 0 });
  console.log(JSON.stringify({ port: await plane.listen() }));
  // Exit normally on signals so `node --cpu-prof` can write its profile.
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(0));
}

function startChild(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return child;
}

function firstJsonLine(child: ChildProcess): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    let buf = "";
    child.stdout?.on("data", (d: Buffer) => {
      buf += d.toString();
      const line = buf.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as { port: number });
    });
    child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
  });
}

async function waitReady(port: number, host?: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      http.get({ host: "127.0.0.1", port, path: "/", headers: host ? { host } : {}, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      }).on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing answers on port ${port}`);
}

const WRK = "/usr/bin/wrk";

/** wrk when installed (one thread, so it leaves CPU to the proxies on small machines), else autocannon. */
async function throughput(name: string, port: number): Promise<{ rps: number; p99: number; errors: number }> {
  let out: { rps: number; p99: number; errors: number };
  if (existsSync(WRK)) {
    const text = await new Promise<string>((resolve, reject) => {
      const child = spawn(WRK, ["-t1", "-c64", `-d${seconds}s`, "--latency", "-H", `Host: ${HOST}`, `http://127.0.0.1:${port}/`], { stdio: ["ignore", "pipe", "inherit"] });
      let buf = "";
      child.stdout.on("data", (d: Buffer) => (buf += d.toString()));
      child.on("exit", (code) => (code === 0 ? resolve(buf) : reject(new Error(`wrk exited with ${code}`))));
    });
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN);
    const p99m = /99%\s+([\d.]+)(us|ms|s)/.exec(text);
    const p99 = p99m ? Number(p99m[1]) * (p99m[2] === "us" ? 0.001 : p99m[2] === "s" ? 1000 : 1) : NaN;
    const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
    out = { rps: Math.round(rps), p99, errors: non2xx + (errs ? errs.slice(1).reduce((a, b) => a + Number(b), 0) : 0) };
  } else {
    const r = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 64, duration: seconds, headers: { host: HOST } });
    out = { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts };
  }
  console.log(`${name.padEnd(12)} ${String(out.rps).padStart(7)} req/s   p99 ${out.p99.toFixed(2)} ms   errors ${out.errors}`);
  return out;
}

/** Fixed-rate load with microsecond timing (autocannon's latencies are whole milliseconds). */
async function fixedRate(port: number, rate: number, durationS: number): Promise<{ p50: number; p99: number; sent: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const latencies: number[] = [];
  const started = performance.now();
  let sent = 0;
  const inflight: Promise<void>[] = [];
  while (performance.now() - started < durationS * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      const t = performance.now();
      inflight.push(
        new Promise<void>((resolve) => {
          http.get({ host: "127.0.0.1", port, path: "/", headers: { host: HOST }, agent }, (res) => {
            res.resume();
            res.on("end", () => {
              latencies.push(performance.now() - t);
              resolve();
            });
          }).on("error", () => resolve());
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inflight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { p50: q(0.5), p99: q(0.99), sent };
}

function nginxConfig(prefix: string, listen: number, upstream: number): string {
  return `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  upstream app { server 127.0.0.1:${upstream}; keepalive 128; }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "runway-proxy-bench-"));
  try {
    const instancePort = await freePort();
    startChild(process.execPath, ["-e", ECHO_APP], { ...process.env, PORT: String(instancePort) });
    await waitReady(instancePort);
    const self = fileURLToPath(import.meta.url);
    const tsx = path.resolve(path.dirname(self), "../../node_modules/.bin/tsx");
    const dp = startChild(tsx, [self, "--child-dataplane", String(instancePort), dir]);
    const dpPort = (await firstJsonLine(dp)).port;
    await waitReady(dpPort, HOST);

    let nginxPort: number | undefined;
    const nginxBin = "/usr/sbin/nginx";
    if (existsSync(nginxBin)) {
      nginxPort = await freePort();
      writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, nginxPort, instancePort));
      startChild(nginxBin, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"]);
      await waitReady(nginxPort, HOST);
    } else console.log("nginx not installed (apt-get install -y nginx): nginx baseline skipped");

    console.log(`throughput, 64 keep-alive connections, ${seconds} s each (${existsSync(WRK) ? "wrk" : "autocannon"})`);
    const direct = await throughput("direct", instancePort);
    const nginx = nginxPort ? await throughput("nginx", nginxPort) : undefined;
    const dataPlane = await throughput("data plane", dpPort);

    console.log("latency at a fixed 1,000 requests/s, 5 s each");
    await fixedRate(instancePort, 1000, 1);
    const fixedDirect = await fixedRate(instancePort, 1000, 5);
    await fixedRate(dpPort, 1000, 1);
    const fixedDp = await fixedRate(dpPort, 1000, 5);
    const addedP99 = fixedDp.p99 - fixedDirect.p99;
    console.log(`direct       p50 ${fixedDirect.p50.toFixed(3)} ms   p99 ${fixedDirect.p99.toFixed(3)} ms`);
    console.log(`data plane   p50 ${fixedDp.p50.toFixed(3)} ms   p99 ${fixedDp.p99.toFixed(3)} ms   added p99 ${addedP99.toFixed(3)} ms (goal < 1 ms)`);
    const ratio = nginx ? dataPlane.rps / nginx.rps : undefined;
    if (ratio !== undefined) console.log(`data plane / nginx throughput: ${ratio.toFixed(2)} (goal >= 0.8)`);
    console.log(
      JSON.stringify({
        directRps: direct.rps,
        directP99Ms: direct.p99,
        nginxRps: nginx?.rps ?? null,
        nginxP99Ms: nginx?.p99 ?? null,
        dataPlaneRps: dataPlane.rps,
        dataPlaneP99Ms: dataPlane.p99,
        dataPlaneErrors: dataPlane.errors,
        ratioVsNginx: ratio === undefined ? null : Number(ratio.toFixed(3)),
        addedP99MsAt1000Rps: Number(addedP99.toFixed(3)),
        goalsMet: { throughput: ratio === undefined ? null : ratio >= 0.8, latency: addedP99 < 1 },
      }),
    );
  } finally {
    for (const c of children) c.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child-dataplane") void serveDataPlane(Number(process.argv[3]), String(process.argv[4]));
else
  await main().catch((err: unknown) => {
    for (const c of children) c.kill("SIGTERM");
    console.error(err);
    process.exit(1);
  });
