// Proxy overhead: 64 keep-alive connections straight to one instance, through nginx (Debian's, upstream
// keepalive), through the runtime's data plane alone and through the whole runtime (whole-runtime.ts); then the
// p99 added at a fixed 1,000 requests/s.
// `npx tsx runtime/bench/proxy-bench.ts [--quick]`; loopback only, bounded. Last line is JSON.
// Fairness: the same instance, 64 connections and one wrk thread for every target; nginx runs one worker and the
// data plane one process, both with upstream keep-alive, both warmed up first. nginx and data plane alternate over
// several rounds, taking turns going first; the ratio is the median of per-round ratios. Each target's CPU time per
// request (from /proc) is printed too: steadier than req/s when other processes load the machine.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import type { Engine, InstanceInfo } from "../src/contracts.js";
import { MetricStore } from "../src/cloudwatch/metric-store.js";
import { loadConfig } from "../src/config.js";
import { createDataPlane, dataPlaneSettings } from "../src/dataplane/data-plane.js";
import { MemoryRouteTable } from "../src/dataplane/route-table.js";
import { ECHO_APP, freePort } from "../src/dataplane/test-support.js";
import { LogStore } from "../src/logs/log-store.js";
import { cpuMs, firstChildPid, median, nginxConfig } from "./bench-measure.js";
import { wholeRuntimeRounds } from "./whole-runtime.js";

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
const seconds = quick ? 3 : 4;
const rounds = quick ? 2 : 4;
const latencyRounds = quick ? 2 : 5;
const children: ChildProcess[] = [];

/** Child role: the data plane in its own process, so load generator and proxy do not share an event loop. */
async function serveDataPlane(instancePort: number, dir: string): Promise<void> {
  const routes = new MemoryRouteTable();
  routes.set(HOST, { serviceId: "bench", serviceName: "bench", status: "RUNNING", scaling: { minSize: 1, maxSize: 1, maxConcurrency: 200 } });
  const instance: InstanceInfo = { instanceId: "i-bench", serviceId: "bench", deploymentId: "op", host: "127.0.0.1", port: instancePort, pid: undefined, state: "healthy", startedAt: Date.now() };
  const engine = { instances: () => [instance], scaleTo: () => undefined } as unknown as Engine;
  const plane = createDataPlane({ routes, engine, metrics: new MetricStore({ dir: path.join(dir, "m") }), logs: new LogStore({ dir: path.join(dir, "l") }), host: "127.0.0.1", port: 0, settings: dataPlaneSettings(loadConfig([], {})) });
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

interface Throughput {
  rps: number;
  p99: number;
  errors: number;
  /** CPU microseconds the measured process spent per request (the proxy, or the instance for "direct"). */
  cpuUsPerReq: number | undefined;
}

/** wrk when installed (one thread, so it leaves CPU to the proxies on small machines), else autocannon. */
async function throughput(name: string, port: number, pid: number | undefined, host = HOST): Promise<Throughput> {
  let out: Omit<Throughput, "cpuUsPerReq"> & { requests: number };
  const cpuBefore = cpuMs(pid);
  if (existsSync(WRK)) {
    const text = await new Promise<string>((resolve, reject) => {
      const child = spawn(WRK, ["-t1", "-c64", `-d${seconds}s`, "--latency", "-H", `Host: ${host}`, `http://127.0.0.1:${port}/`], { stdio: ["ignore", "pipe", "inherit"] });
      let buf = "";
      child.stdout.on("data", (d: Buffer) => (buf += d.toString()));
      child.on("exit", (code) => (code === 0 ? resolve(buf) : reject(new Error(`wrk exited with ${code}`))));
    });
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN);
    const p99m = /99%\s+([\d.]+)(us|ms|s)/.exec(text);
    const p99 = p99m ? Number(p99m[1]) * (p99m[2] === "us" ? 0.001 : p99m[2] === "s" ? 1000 : 1) : NaN;
    const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
    const requests = Number(/(\d+) requests in/.exec(text)?.[1] ?? rps * seconds);
    out = { rps: Math.round(rps), p99, errors: non2xx + (errs ? errs.slice(1).reduce((a, b) => a + Number(b), 0) : 0), requests };
  } else {
    const r = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 64, duration: seconds, headers: { host } });
    out = { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts, requests: r.requests.average * seconds };
  }
  const cpuAfter = cpuMs(pid);
  const cpuUsPerReq = cpuBefore !== undefined && cpuAfter !== undefined && out.requests > 0 ? Number((((cpuAfter - cpuBefore) * 1000) / out.requests).toFixed(1)) : undefined;
  const cpu = cpuUsPerReq === undefined ? "" : `   cpu ${cpuUsPerReq.toFixed(1)} us/req`;
  console.log(`${name.padEnd(12)} ${String(out.rps).padStart(7)} req/s   p99 ${out.p99.toFixed(2)} ms   errors ${out.errors}${cpu}`);
  return { rps: out.rps, p99: out.p99, errors: out.errors, cpuUsPerReq };
}

async function warm(port: number, host = HOST): Promise<void> {
  if (!existsSync(WRK)) {
    await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 64, duration: 1, headers: { host } });
    return;
  }
  await new Promise<void>((resolve) => spawn(WRK, ["-t1", "-c64", "-d1s", "-H", `Host: ${host}`, `http://127.0.0.1:${port}/`], { stdio: "ignore" }).on("exit", () => resolve()));
}

/** Per-round results folded into one: median req/s, p99 and CPU per request, summed errors. */
function combine(runs: Throughput[]): Throughput {
  const cpu = runs.map((r) => r.cpuUsPerReq).filter((c): c is number => c !== undefined);
  return {
    rps: Math.round(median(runs.map((r) => r.rps))),
    p99: Number(median(runs.map((r) => r.p99)).toFixed(3)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    cpuUsPerReq: cpu.length ? Number(median(cpu).toFixed(1)) : undefined,
  };
}

/** Fixed-rate load with microsecond timing (autocannon's latencies are whole milliseconds). */
/** Fixed-rate load through `agent`, whose keep-alive connections carry over between calls (see main). */
async function fixedRate(port: number, rate: number, durationS: number, agent: http.Agent): Promise<{ p50: number; p99: number; sent: number }> {
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
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { p50: q(0.5), p99: q(0.99), sent };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "runway-proxy-bench-"));
  try {
    const instancePort = await freePort();
    const instance = startChild(process.execPath, ["-e", ECHO_APP], { ...process.env, PORT: String(instancePort) });
    await waitReady(instancePort);
    const self = fileURLToPath(import.meta.url);
    // node with tsx's loader rather than the tsx CLI, so the child's pid is the data plane itself (CPU accounting).
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const dp = startChild(process.execPath, ["--import", tsxLoader, self, "--child-dataplane", String(instancePort), dir]);
    const dpPort = (await firstJsonLine(dp)).port;
    await waitReady(dpPort, HOST);

    let nginxPort: number | undefined;
    let nginxWorker: number | undefined;
    const nginxBin = "/usr/sbin/nginx";
    if (existsSync(nginxBin)) {
      nginxPort = await freePort();
      writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, nginxPort, instancePort));
      const master = startChild(nginxBin, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"]);
      await waitReady(nginxPort, HOST);
      nginxWorker = firstChildPid(master.pid);
    } else console.log("nginx not installed (apt-get install -y nginx): nginx baseline skipped");

    console.log(`throughput, 64 keep-alive connections, ${seconds} s each, nginx and data plane alternating over ${rounds} rounds (${existsSync(WRK) ? "wrk" : "autocannon"})`);
    // Unreported warm-up (JIT, connection pools) for every target, so no round pays for it.
    for (const port of [instancePort, nginxPort, dpPort]) if (port) await warm(port);
    const direct = await throughput("direct", instancePort, instance.pid);
    const nginxRuns: Throughput[] = [];
    const dpRuns: Throughput[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      // Alternating which goes first: the second run of a pair measured consistently slower on a busy 2-core machine.
      const nginxRun = () => (nginxPort ? throughput("nginx", nginxPort, nginxWorker) : Promise.resolve(undefined));
      const dpRun = () => throughput("data plane", dpPort, dp.pid);
      let n: Throughput | undefined;
      let d: Throughput;
      if (r % 2 === 0) {
        n = await nginxRun();
        d = await dpRun();
      } else {
        d = await dpRun();
        n = await nginxRun();
      }
      dpRuns.push(d);
      if (n) {
        nginxRuns.push(n);
        ratios.push(d.rps / n.rps);
      }
    }
    const nginx = nginxRuns.length ? combine(nginxRuns) : undefined;
    // The same against the whole runtime (`npm run runtime`, a service created with the SDK, routed by Host).
    console.log(`whole runtime: ${rounds} rounds alternating with nginx`);
    const whole = await wholeRuntimeRounds(dir, ECHO_APP, rounds, throughput, warm, nginxPort ? { port: nginxPort, pid: nginxWorker } : undefined);
    const dataPlane = combine(dpRuns);

    // Rounds again, rotating which target goes first, and the median of per-round differences: one 5 s run of
    // each swung by a millisecond on this shared 2-core machine, while the per-round difference stays steady.
    // nginx is measured the same way, as the reference for what any proxy adds here (a third process on two cores).
    const targets = [
      { name: "direct", port: instancePort },
      { name: "data plane", port: dpPort },
      ...(nginxPort ? [{ name: "nginx", port: nginxPort }] : []),
    ];
    console.log(`latency at a fixed 1,000 requests/s, ${latencyRounds} rounds of 3 s each, ${targets.map((t) => t.name).join(", ")} in rotating order`);
    // One keep-alive client per target, warmed up first: the rounds measure the steady state, not the setup of
    // new connections (a first second through a proxy pays for two of them per connection).
    const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: 32 }));
    for (const [i, t] of targets.entries()) await fixedRate(t.port, 1000, 1, agents[i] as http.Agent);
    const added: number[] = [];
    const nginxAdded: number[] = [];
    for (let r = 0; r < latencyRounds; r++) {
      const results: { p50: number; p99: number }[] = [];
      for (let k = 0; k < targets.length; k++) {
        const i = (k + r) % targets.length;
        results[i] = await fixedRate((targets[i] as { port: number }).port, 1000, 3, agents[i] as http.Agent);
      }
      const [d, p, n] = results as [{ p50: number; p99: number }, { p50: number; p99: number }, { p50: number; p99: number } | undefined];
      added.push(p.p99 - d.p99);
      if (n) nginxAdded.push(n.p99 - d.p99);
      console.log(`round ${r + 1}: ${results.map((x, i) => `${targets[i]?.name} p50 ${x.p50.toFixed(3)} p99 ${x.p99.toFixed(3)} ms`).join(", ")}`);
    }
    for (const a of agents) a.destroy();
    const nginxAddedP99 = nginxAdded.length ? median(nginxAdded) : undefined;
    if (nginxAddedP99 !== undefined) console.log(`nginx added p99: ${nginxAddedP99.toFixed(3)} ms (median of rounds ${nginxAdded.map((x) => x.toFixed(3)).join(", ")})`);
    const addedP99 = median(added);
    console.log(`data plane added p99: ${addedP99.toFixed(3)} ms (median of rounds ${added.map((x) => x.toFixed(3)).join(", ")}; goal < 1 ms)`);
    const ratio = ratios.length ? median(ratios) : undefined;
    if (ratio !== undefined) console.log(`data plane / nginx throughput: ${ratio.toFixed(2)} (median of rounds ${ratios.map((x) => x.toFixed(2)).join(", ")}; goal >= 0.8)`);
    if (whole.ratio !== undefined) console.log(`whole runtime / nginx throughput: ${whole.ratio.toFixed(2)} (median of rounds ${whole.ratios.map((x) => x.toFixed(2)).join(", ")})`);
    if (nginx?.cpuUsPerReq !== undefined && dataPlane.cpuUsPerReq !== undefined) {
      console.log(`CPU per request: nginx ${nginx.cpuUsPerReq} us, data plane ${dataPlane.cpuUsPerReq} us, instance (direct) ${direct.cpuUsPerReq ?? "?"} us`);
    }
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
        ratioRounds: ratios.map((x) => Number(x.toFixed(3))),
        wholeRuntimeRps: whole.rps,
        wholeRuntimeRatioVsNginx: whole.ratio === undefined ? null : Number(whole.ratio.toFixed(3)),
        cpuUsPerReq: { direct: direct.cpuUsPerReq ?? null, nginx: nginx?.cpuUsPerReq ?? null, dataPlane: dataPlane.cpuUsPerReq ?? null },
        addedP99MsAt1000Rps: Number(addedP99.toFixed(3)),
        nginxAddedP99MsAt1000Rps: nginxAddedP99 === undefined ? null : Number(nginxAddedP99.toFixed(3)),
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
