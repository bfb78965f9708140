// `npm run bench -- metrics`: the Metrics tab over a week at 5-minute periods (every chart,
// 11 series x 2,016 points) against the local runtime, each figure with a baseline measured in
// the same run:
//   - runtime: GetMetricData for all charts over 1 week vs the same queries over 1 hour;
//   - browser: click "1 w" until every chart is drawn vs click "3 h" until drawn (Chromium).
// A week of minute data is written into the runtime's metric store while the runtime is stopped.
// Prints a final JSON line. Options: --runs=N (default 7).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { freePort } from "../runtime/src/engine/process-tools";
import os from "node:os";
import path from "node:path";
import { AppRunnerClient, CreateServiceCommand, DescribeServiceCommand } from "@aws-sdk/client-apprunner";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { chromium } from "@playwright/test";
import { MetricStore } from "../runtime/src/cloudwatch/metric-store";
import { serviceChartQueries } from "../lib/metrics/service-charts";

const root = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 7);
const children: ChildProcess[] = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), "runway-metrics-bench-"));
const runtimeDir = path.join(tmp, "runtime");
const credentials = { accessKeyId: "runway", secretAccessKey: "runway" };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;


function start(cmd: string, args: string[], env: Record<string, string | undefined>, readyWhen: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = out.match(readyWhen);
      if (m) resolve({ child, line: m[0] });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${cmd} exited ${code}: ${out.slice(-2000)}`)));
  });
}

async function startRuntime(apiPort: number) {
  const { child } = await start(path.join(root, "node_modules/.bin/tsx"), ["runtime/src/main.ts"], { RUNWAY_RUNTIME_API_PORT: String(apiPort), RUNWAY_RUNTIME_DATA_PORT: "0", RUNWAY_RUNTIME_DATA_DIR: runtimeDir }, /\{"event":"ready".*\}/);
  return child;
}

const stop = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : (child.once("exit", r), child.kill("SIGTERM"))));

/** A week of plausible minute samples for every App Runner metric of one service. */
function seedWeek(service: { serviceName: string; serviceId: string }, now: number) {
  const store = new MetricStore({ dir: path.join(runtimeDir, "metrics") });
  const minute = 60_000;
  const from = now - 7 * 86_400_000 - 2 * 3_600_000;
  for (let t = from - (from % minute); t < now; t += minute) {
    const wave = 1 + Math.sin(t / 3_600_000);
    const requests = Math.round(50 + 40 * wave);
    store.recordBatch(service, "Requests", { sum: requests, count: requests, min: 1, max: 1 }, t);
    store.recordBatch(service, "2xxStatusResponses", { sum: requests - 2, count: requests - 2, min: 1, max: 1 }, t);
    store.recordBatch(service, "4xxStatusResponses", { sum: 1, count: 1, min: 1, max: 1 }, t);
    store.recordBatch(service, "5xxStatusResponses", { sum: 1, count: 1, min: 1, max: 1 }, t);
    for (let i = 0; i < 6; i++) {
      store.record(service, "ActiveInstances", 1 + Math.round(wave), t + i * 10_000);
      store.record(service, "Concurrency", Math.round(5 * wave), t + i * 10_000);
      store.record(service, "CPUUtilization", 20 + 10 * wave, t + i * 10_000);
      store.record(service, "MemoryUtilization", 30 + 5 * wave, t + i * 10_000);
      store.record(service, "RequestLatency", 20 + 30 * Math.random() * wave, t + i * 10_000);
    }
  }
  store.close();
}

/** "a;dur=1.0, b;dur=2.0" headers -> "a 1.0, b 2.0" medians */
function medianTimings(headers: string[]): string {
  const by = new Map<string, number[]>();
  for (const h of headers)
    for (const part of h.split(",")) {
      const [name, dur] = part.trim().split(";dur=");
      if (name && dur) by.set(name, [...(by.get(name) ?? []), Number(dur)]);
    }
  return [...by].map(([n, xs]) => `${n} ${round(median(xs))}`).join(", ");
}

async function main() {
  // 1. A running Node service, then a week of its metrics written while the runtime is down.
  const apiPort = await freePort();
  const api = `http://127.0.0.1:${apiPort}`;
  let runtime = await startRuntime(apiPort);
  const apprunner = new AppRunnerClient({ region: "us-east-1", endpoint: api, credentials });
  const created = await apprunner.send(
    new CreateServiceCommand({
      ServiceName: "metrics-bench",
      SourceConfiguration: {
        AutoDeploymentsEnabled: false,
        CodeRepository: {
          RepositoryUrl: path.join(root, "examples/node-hello"),
          SourceCodeVersion: { Type: "BRANCH", Value: "main" },
          CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "node server.js", Port: "8080" } },
        },
      },
    }),
  );
  const arn = created.Service?.ServiceArn ?? "";
  const id = created.Service?.ServiceId ?? "";
  for (let i = 0; i < 240; i++) {
    if ((await apprunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status === "RUNNING") break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop(runtime);
  const seedStart = performance.now();
  seedWeek({ serviceName: "metrics-bench", serviceId: id }, Date.now());
  console.log(`seeded a week of minute data (9 metrics) in ${Math.round(performance.now() - seedStart)} ms`);
  runtime = await startRuntime(apiPort);

  // 2. Runtime: the tab's GetMetricData over a week (5-min periods) vs over an hour (1-min periods).
  const cw = new CloudWatchClient({ region: "us-east-1", endpoint: api, credentials });
  const service = { name: "metrics-bench", id };
  const call = async (rangeMs: number, period: number) => {
    const end = Date.now();
    const t = performance.now();
    const out = await cw.send(new GetMetricDataCommand({ MetricDataQueries: serviceChartQueries(service, period), StartTime: new Date(end - rangeMs), EndTime: new Date(end), ScanBy: "TimestampAscending" }));
    const ms = performance.now() - t;
    if (out.NextToken) throw new Error("unexpected NextToken for one service's charts");
    return { ms, points: (out.MetricDataResults ?? []).reduce((a, r) => a + (r.Values?.length ?? 0), 0) };
  };
  for (let i = 0; i < 3; i++) await call(7 * 86_400_000, 300);
  const week: number[] = [];
  const hour: number[] = [];
  let weekPoints = 0;
  for (let i = 0; i < RUNS * 2; i++) {
    const w = await call(7 * 86_400_000, 300);
    weekPoints = w.points;
    week.push(w.ms);
    hour.push((await call(3_600_000, 60)).ms);
  }
  console.log(`runtime GetMetricData, 1 week at 5 min (${weekPoints} points): median ${round(median(week))} ms; 1 hour at 1 min: ${round(median(hour))} ms`);

  // 3. Console: production build, a session, Chromium clicking the range buttons.
  const databaseUrl = `file:${path.join(tmp, "runway.db")}`;
  const { prismaEnv } = (await import(path.join(root, "scripts/prisma-env.mjs"))) as { prismaEnv: (e: Record<string, string>) => NodeJS.ProcessEnv };
  const { migrate } = (await import(path.join(root, "scripts/db-migrate.mjs"))) as { migrate: (e: NodeJS.ProcessEnv, o?: { generate?: boolean }) => void };
  const env = prismaEnv({ DATABASE_URL: databaseUrl, RUNWAY_DATA_DIR: tmp });
  migrate(env, { generate: false });
  process.env.DATABASE_URL = databaseUrl;
  process.env.RUNWAY_DATA_DIR = tmp;
  const { db } = await import("@/lib/db");
  const { newSessionToken } = await import("@/lib/auth/session-token");
  const user = await db.user.create({ data: { email: "bench@example.com", name: "Bench", passwordHash: "x", role: "viewer" } });
  const { token, id: sessionId } = newSessionToken();
  const now = new Date();
  await db.session.create({ data: { id: sessionId, userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 86400_000) } });
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
  const { nextBuild } = (await import(path.join(root, "scripts/next-build.mjs"))) as { nextBuild: (d: string, e: NodeJS.ProcessEnv) => void };
  nextBuild(distDir, env);
  const port = await freePort();
  await start(path.join(root, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, RUNWAY_LOCAL_RUNTIME_URL: api }, /Ready in|started server|Local:/);

  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addCookies([{ name: "runway_session", value: token, domain: "127.0.0.1", path: "/" }]);
  const page = await context.newPage();
  const url = `http://127.0.0.1:${port}/services/us-east-1/${id}?tab=metrics`;
  /** From the click until the window shows the new period and every chart has drawn that many rows. */
  const clickToDrawn = async (button: string, periodText: string, minPoints: number, beforeClick?: () => Promise<void>) => {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll("[data-chart] .recharts-line-curve").length >= 8, undefined, { timeout: 60_000 });
    await beforeClick?.();
    const t = performance.now();
    const answered = page.waitForResponse((r) => r.url().includes("/metrics?")).then(async (r) => {
      const ms = performance.now() - t;
      if (button === "1 w") serverTimings.push((await r.allHeaders())["server-timing"] ?? "");
      return ms;
    });
    await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: button, exact: true }).click();
    await page.waitForFunction(
      ([p, n]) => {
        // Drawn: the window shows the new period, and each of the six charts holds the range's rows
        // and has drawn as many vertices as its lines have points to draw (data-drawn-points; see decimate-rows).
        const win = document.querySelector('[data-testid="metrics-window"]')?.textContent ?? "";
        if (!win.includes(`period ${p}`) || win.includes("refreshing")) return false;
        const charts = [...document.querySelectorAll<HTMLElement>("[data-chart]")];
        return (
          charts.length === 6 &&
          charts.every((c) => {
            const paths = [...c.querySelectorAll(".recharts-line-curve, .recharts-area-curve")];
            const vertices = paths.reduce((sum, el) => sum + (el.getAttribute("d") ?? "").split(/[MLC]/).length - 1, 0);
            return Number(c.dataset.rows) >= (n as number) && vertices >= Number(c.dataset.drawnPoints);
          })
        );
      },
      [periodText, minPoints] as const,
      { timeout: 30_000, polling: "raf" },
    );
    const drawn = performance.now() - t;
    (button === "1 w" ? weekAnswer : threeHourAnswer).push(await answered);
    return drawn;
  };
  const weekAnswer: number[] = [];
  const serverTimings: string[] = [];
  const threeHourAnswer: number[] = [];
  await clickToDrawn("1 w", "5 min", 1800); // warm-up: route compile, JIT, recharts chunk
  // METRICS_BENCH_PROFILE=<file>: a Chromium CPU profile of one 1-week click, to see where the time goes.
  const profileFile = process.env.METRICS_BENCH_PROFILE;
  if (profileFile) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await clickToDrawn("1 w", "5 min", 1800, async () => void (await cdp.send("Profiler.start")));
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(profileFile, JSON.stringify(profile));
    console.log(`browser CPU profile of a 1-week click: ${profileFile}`);
  }
  const weekDraw: number[] = [];
  const threeHourDraw: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    weekDraw.push(await clickToDrawn("1 w", "5 min", 1800));
    threeHourDraw.push(await clickToDrawn("3 h", "1 min", 150));
  }
  await browser.close();
  console.log(`of which the metrics request (click to response): 1 week median ${round(median(weekAnswer))} ms; 3 hours ${round(median(threeHourAnswer))} ms`);
  console.log(`the console's Server-Timing for the 1 week request (ms, median per step): ${medianTimings(serverTimings)}`);
  const result = {
    weekPoints,
    runtimeWeekMedianMs: round(median(week)),
    runtimeHourMedianMs: round(median(hour)),
    runtimeRatioWeekToHour: round(median(week) / median(hour)),
    runtimeUnder200ms: median(week) < 200,
    clickToDrawnWeekMedianMs: round(median(weekDraw)),
    clickToDrawnThreeHoursMedianMs: round(median(threeHourDraw)),
    drawRatioWeekToThreeHours: round(median(weekDraw) / median(threeHourDraw)),
    drawUnderOneSecond: median(weekDraw) < 1000,
    runs: RUNS,
  };
  console.log(`click to drawn, 1 week: median ${result.clickToDrawnWeekMedianMs} ms; 3 hours: ${result.clickToDrawnThreeHoursMedianMs} ms; ratio ${result.drawRatioWeekToThreeHours}x`);
  console.log(JSON.stringify(result));
  await db.$disconnect();
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) c.kill("SIGTERM");
    setTimeout(() => {
      rmSync(tmp, { recursive: true, force: true });
      process.exit();
    }, 1500);
  });
