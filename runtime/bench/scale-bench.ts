// Scale-out reaction and sustained load through the whole runtime (start-runtime.ts, examples/node-hello):
//  1. a step from 0 to 40 concurrent requests on a service with MaxConcurrency 10: time until a second and
//     a fourth instance serve (App Runner: 22 s for the second; goal: under 3 s plus the app's start time);
//  2. 200 concurrent connections for 60 s (10 s with --quick): errors the proxy itself causes (goal 0).
// `npx tsx runtime/bench/scale-bench.ts [--quick]`; loopback only, bounded. Last line is JSON.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { CreateAutoScalingConfigurationCommand, CreateServiceCommand } from "@aws-sdk/client-apprunner";
import { freePort } from "../src/dataplane/test-support.js";
import { startRuntime, type RunningRuntime } from "../test/start-runtime.js";
import { appRunner, EXAMPLES, nodeHelloSource, settled } from "../test/support.js";

const quick = process.argv.includes("--quick");
const sustainSeconds = quick ? 10 : 60;
const APP_RUNNER_SECOND_INSTANCE_MS = 22_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(port: number, host: string, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, headers: { host }, agent, timeout: 60_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

/** The app's own start time: node-hello spawned directly until it answers /health (median of 3). */
async function appStartMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(EXAMPLES, "node-hello", "server.js")], { env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" }, stdio: "ignore" });
    for (;;) {
      const ok = await new Promise<boolean>((resolve) => {
        http.get({ host: "127.0.0.1", port, path: "/health", agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        }).on("error", () => resolve(false));
      });
      if (ok) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    times.push(performance.now() - started);
    child.kill("SIGTERM");
  }
  return times.sort((a, b) => a - b)[1] as number;
}

/** 40 closed-loop workers; each alternates a 200 ms request (holds a slot) with /info to see which instance served. */
async function stepLoad(port: number, host: string): Promise<{ secondMs: number | null; fourthMs: number | null; errors: number }> {
  const firstSeen = new Map<number, number>();
  const started = performance.now();
  let errors = 0;
  const stopAt = started + 25_000;
  const worker = async () => {
    while (performance.now() < stopAt && firstSeen.size < 4) {
      try {
        const slow = await request(port, host, "/slow?ms=200");
        const info = await request(port, host, "/info");
        if (slow.status !== 200 || info.status !== 200) errors++;
        else {
          const pid = (JSON.parse(info.body) as { pid: number }).pid;
          if (!firstSeen.has(pid)) firstSeen.set(pid, performance.now() - started);
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: 40 }, worker));
  const times = [...firstSeen.values()].sort((a, b) => a - b);
  return { secondMs: times[1] ?? null, fourthMs: times[3] ?? null, errors };
}

async function sustained(port: number, host: string): Promise<{ requests: number; rps: number; errors: number; detail: string }> {
  const wrk = "/usr/bin/wrk";
  if (!existsSync(wrk)) return { requests: 0, rps: 0, errors: 0, detail: "wrk not installed (apt-get install -y wrk): skipped" };
  const text = await new Promise<string>((resolve, reject) => {
    const child = spawn(wrk, ["-t1", "-c200", `-d${sustainSeconds}s`, "--timeout", "60s", "-H", `Host: ${host}`, `http://127.0.0.1:${port}/`], { stdio: ["ignore", "pipe", "inherit"] });
    let buf = "";
    child.stdout.on("data", (d: Buffer) => (buf += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(buf) : reject(new Error(`wrk exited with ${code}`))));
  });
  const requests = Number(/(\d+) requests in/.exec(text)?.[1] ?? 0);
  const rps = Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? 0));
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const errors = non2xx + (sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { requests, rps, errors, detail: sock ? sock[0] : "no socket errors" };
}

async function main(): Promise<void> {
  const appStart = await appStartMs();
  console.log(`app start time (node-hello spawned directly until /health answers): ${Math.round(appStart)} ms`);
  let rt: RunningRuntime | undefined;
  try {
    rt = await startRuntime({ env: { RUNWAY_RUNTIME_SCALE_IN_COOLDOWN_SECONDS: "60" } });
    const client = appRunner(rt.api);
    const asc = await client.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "bench", MaxConcurrency: 10, MinSize: 1, MaxSize: 4 }));
    const created = await client.send(new CreateServiceCommand({ ServiceName: "scale-bench", SourceConfiguration: nodeHelloSource({ message: "bench" }), AutoScalingConfigurationArn: asc.AutoScalingConfiguration?.AutoScalingConfigurationArn }));
    const svc = await settled(client, created.Service!.ServiceArn!);
    const host = svc.ServiceUrl!.split(":")[0]!;
    client.destroy();

    console.log("step from 0 to 40 concurrent requests, MaxConcurrency 10, MinSize 1, MaxSize 4");
    const step = await stepLoad(rt.dataPort, host);
    const goalMs = 3000 + appStart;
    console.log(`second instance serving after ${step.secondMs === null ? "never" : `${Math.round(step.secondMs)} ms`} (App Runner: ${APP_RUNNER_SECOND_INSTANCE_MS} ms; goal < ${Math.round(goalMs)} ms)`);
    console.log(`fourth instance serving after ${step.fourthMs === null ? "never" : `${Math.round(step.fourthMs)} ms`}; request errors during the step: ${step.errors}`);

    console.log(`sustained: 200 connections for ${sustainSeconds} s (wrk)`);
    const load = await sustained(rt.dataPort, host);
    console.log(`${load.requests} requests, ${load.rps} req/s, errors ${load.errors} (${load.detail})`);
    console.log(
      JSON.stringify({
        appStartMs: Math.round(appStart),
        secondInstanceMs: step.secondMs === null ? null : Math.round(step.secondMs),
        fourthInstanceMs: step.fourthMs === null ? null : Math.round(step.fourthMs),
        appRunnerSecondInstanceMs: APP_RUNNER_SECOND_INSTANCE_MS,
        speedupVsAppRunner: step.secondMs ? Number((APP_RUNNER_SECOND_INSTANCE_MS / step.secondMs).toFixed(1)) : null,
        stepErrors: step.errors,
        sustainedSeconds: sustainSeconds,
        sustainedRequests: load.requests,
        sustainedRps: load.rps,
        sustainedErrors: load.errors,
        goalsMet: { scaleOut: step.secondMs !== null && step.secondMs < goalMs, sustained: load.errors === 0 && load.requests > 0 },
      }),
    );
  } finally {
    agent.destroy();
    await rt?.stop();
  }
}

await main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
