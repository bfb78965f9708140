// `npm run bench -- dashboard`: server render time of /services with 500 services in the
// local runtime, against a baseline measured in the same run: one raw ListServices page loop
// (all 25 pages) through the SDK, which the dashboard must do anyway.
// Seeds image services (they fail fast without a container engine but are real services).
// Prints a final JSON line. Options: --services=N (default 500), --runs=N (default 15).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort } from "../runtime/src/engine/process-tools";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { AppRunnerClient, CreateServiceCommand, ListServicesCommand } from "@aws-sdk/client-apprunner";

const root = path.resolve(import.meta.dirname, "..");
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const SERVICES = arg("services", 500);
const RUNS = arg("runs", 15);
const children: ChildProcess[] = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), "runway-dashboard-bench-"));


function start(cmd: string, args: string[], env: Record<string, string | undefined>, readyWhen: RegExp): Promise<string> {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = out.match(readyWhen);
      if (m) resolve(m[0]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${cmd} exited ${code}: ${out.slice(-2000)}`)));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  // 1. Runtime with its own data dir, ephemeral ports.
  const readyLine = await start(path.join(root, "node_modules/.bin/tsx"), ["runtime/src/main.ts"], { RUNWAY_RUNTIME_API_PORT: "0", RUNWAY_RUNTIME_DATA_PORT: "0", RUNWAY_RUNTIME_DATA_DIR: path.join(tmp, "runtime") }, /\{"event":"ready".*\}/);
  const api = (JSON.parse(readyLine) as { api: string }).api;
  const client = new AppRunnerClient({ region: "us-east-1", endpoint: api, credentials: { accessKeyId: "runway", secretAccessKey: "runway" } });

  // 2. Seed services, 8 at a time.
  const seedStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < SERVICES) {
        const i = next++;
        await client.send(
          new CreateServiceCommand({
            ServiceName: `bench-${String(i).padStart(4, "0")}`,
            SourceConfiguration: { ImageRepository: { ImageIdentifier: "public.ecr.aws/nginx/nginx:latest", ImageRepositoryType: "ECR_PUBLIC" }, AutoDeploymentsEnabled: false },
          }),
        );
      }
    }),
  );
  console.log(`seeded ${SERVICES} services in ${Math.round(performance.now() - seedStart)} ms`);

  // 3. Console database with one admin and a session; the console creates the local connection itself.
  const databaseUrl = `file:${path.join(tmp, "runway.db")}`;
  const { prismaEnv } = (await import(path.join(root, "scripts/prisma-env.mjs"))) as { prismaEnv: (e: Record<string, string>) => NodeJS.ProcessEnv };
  const { migrate } = (await import(path.join(root, "scripts/db-migrate.mjs"))) as { migrate: (e: NodeJS.ProcessEnv, o?: { generate?: boolean }) => void };
  const env = prismaEnv({ DATABASE_URL: databaseUrl, RUNWAY_DATA_DIR: tmp });
  migrate(env, { generate: false });
  process.env.DATABASE_URL = databaseUrl;
  process.env.RUNWAY_DATA_DIR = tmp;
  const { db } = await import("@/lib/db");
  const { newSessionToken } = await import("@/lib/auth/session-token");
  const user = await db.user.create({ data: { email: "bench@example.com", name: "Bench", passwordHash: "x", role: "operator" } });
  const { token, id } = newSessionToken();
  const now = new Date();
  await db.session.create({ data: { id, userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 86400_000) } });

  // 4. Production build (reused when fresh) and `next start`.
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
  const { nextBuild } = (await import(path.join(root, "scripts/next-build.mjs"))) as { nextBuild: (d: string, e: NodeJS.ProcessEnv) => void };
  nextBuild(distDir, env);
  const port = await freePort();
  await start(
    path.join(root, "node_modules/.bin/next"),
    ["start", "-H", "127.0.0.1", "-p", String(port)],
    { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, RUNWAY_LOCAL_RUNTIME_URL: api },
    /Ready in|started server|Local:/,
  );
  const url = `http://127.0.0.1:${port}/services`;
  const headers = { cookie: `runway_session=${token}` };

  const timeRender = async () => {
    const t = performance.now();
    const res = await fetch(url, { headers });
    const html = await res.text();
    const ms = performance.now() - t;
    if (!res.ok || !html.replace(/<!-- -->/g, "").includes(`${SERVICES} services`)) throw new Error(`unexpected dashboard answer ${res.status}: ${html.slice(0, 300)}`);
    return ms;
  };
  const timeBaseline = async () => {
    const t = performance.now();
    let token: string | undefined;
    let n = 0;
    do {
      const page = await client.send(new ListServicesCommand({ MaxResults: 20, NextToken: token }));
      n += page.ServiceSummaryList?.length ?? 0;
      token = page.NextToken;
    } while (token);
    if (n !== SERVICES) throw new Error(`baseline listed ${n}`);
    return performance.now() - t;
  };

  for (let i = 0; i < 3; i++) await timeRender(); // warm-up: route compile caches, client cache, JIT
  for (let i = 0; i < 3; i++) await timeBaseline();
  const render: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    render.push(await timeRender());
    baseline.push(await timeBaseline());
  }
  // Fleet figures (sparklines for every service, totals): the browser fetches them after the
  // table rendered; measured against the same ListServices loop, which they also need.
  const timeFleet = async () => {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/fleet/metrics`, { headers });
    const body = (await res.json()) as { services?: unknown[]; calls?: number };
    if (!res.ok || body.services?.length !== SERVICES) throw new Error(`unexpected fleet answer ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms: performance.now() - t, calls: body.calls ?? 0 };
  };
  await timeFleet();
  const fleet: number[] = [];
  let fleetCalls = 0;
  for (let i = 0; i < Math.min(RUNS, 7); i++) {
    const f = await timeFleet();
    fleet.push(f.ms);
    fleetCalls = f.calls;
  }
  console.log(`fleet metrics for ${SERVICES} services: median ${round(median(fleet))} ms in ${fleetCalls} GetMetricData calls (goal < 3000 ms)`);

  // First-load JS per route: every <script src> the HTML loads, gzipped (Next 16's Turbopack
  // build no longer prints the size table).
  const firstId = (await client.send(new ListServicesCommand({ MaxResults: 1 }))).ServiceSummaryList?.[0]?.ServiceId ?? "";
  const firstLoadJsKbGzip: Record<string, number> = {};
  for (const route of ["/services", "/services/new", `/services/us-east-1/${firstId}`, `/services/us-east-1/${firstId}?tab=logs`, `/services/us-east-1/${firstId}?tab=metrics`, "/autoscaling"]) {
    const html = await (await fetch(`http://127.0.0.1:${port}${route}`, { headers })).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? ""))];
    let bytes = 0;
    for (const src of srcs) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, `http://127.0.0.1:${port}`))).arrayBuffer())).length;
    firstLoadJsKbGzip[route.replace(firstId, "<id>")] = round(bytes / 1024);
  }
  console.log(`first-load JS (gzip kB): ${JSON.stringify(firstLoadJsKbGzip)}`);
  const result = {
    firstLoadJsKbGzip,
    services: SERVICES,
    runs: RUNS,
    renderMedianMs: round(median(render)),
    renderP95Ms: round(p95(render)),
    listServicesLoopMedianMs: round(median(baseline)),
    ratioToListLoop: round(median(render) / median(baseline)),
    underOneSecond: median(render) < 1000,
    fleetMedianMs: round(median(fleet)),
    fleetGetMetricDataCalls: fleetCalls,
    fleetRatioToListLoop: round(median(fleet) / median(baseline)),
    fleetUnderThreeSeconds: median(fleet) < 3000,
  };
  console.log(`/services with ${SERVICES} services: median ${result.renderMedianMs} ms (p95 ${result.renderP95Ms} ms); raw ListServices loop ${result.listServicesLoopMedianMs} ms; ratio ${result.ratioToListLoop}x`);
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
    }, 500);
  });
