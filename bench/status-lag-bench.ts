// `npm run bench -- status-lag`: how long after the runtime finishes an operation the console's
// service page shows it (goal: under 500 ms). Against a baseline measured in the same run, in the
// same page: the console's previous strategy, a fixed 2-second poll of the same status route.
// Each run holds a deployment in its build (like e2e/support/held-source.ts), releases it, and
// compares three clocks on one machine: the runtime's RUNNING (DescribeService every 20 ms from
// here), the badge's change in Chromium (a MutationObserver), and the 2-second poller's answer.
// Prints a final JSON line. Options: --runs=N (default 7).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { AppRunnerClient, CreateServiceCommand, DescribeServiceCommand, StartDeploymentCommand } from "@aws-sdk/client-apprunner";
import { freePort } from "../runtime/src/engine/process-tools";
import { heldSource } from "../e2e/support/held-source";

const root = path.resolve(import.meta.dirname, "..");
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const RUNS = arg("runs", 7);
const OLD_POLL_MS = 2_000;
const children: ChildProcess[] = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), "runway-status-lag-bench-"));

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
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitStatus(client: AppRunnerClient, arn: string, want: (s: string) => boolean, everyMs: number, timeoutMs = 120_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const s = (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status ?? "";
    if (want(s)) return Date.now();
    await sleep(everyMs);
  }
  throw new Error(`service ${arn} did not reach the wanted status`);
}

async function main() {
  const readyLine = await start(path.join(root, "node_modules/.bin/tsx"), ["runtime/src/main.ts"], { RUNWAY_RUNTIME_API_PORT: "0", RUNWAY_RUNTIME_DATA_PORT: "0", RUNWAY_RUNTIME_DATA_DIR: path.join(tmp, "runtime") }, /\{"event":"ready".*\}/);
  const api = (JSON.parse(readyLine) as { api: string }).api;
  const client = new AppRunnerClient({ region: "us-east-1", endpoint: api, credentials: { accessKeyId: "runway", secretAccessKey: "runway" } });

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
  const base = `http://127.0.0.1:${port}`;

  // A service whose builds wait for us.
  const held = heldSource();
  held.release();
  const created = await client.send(
    new CreateServiceCommand({
      ServiceName: "status-lag",
      SourceConfiguration: { AutoDeploymentsEnabled: false, CodeRepository: { RepositoryUrl: held.dir, SourceCodeVersion: { Type: "BRANCH", Value: "main" }, CodeConfiguration: { ConfigurationSource: "REPOSITORY" } } },
    }),
  );
  const arn = created.Service?.ServiceArn ?? "";
  const serviceId = created.Service?.ServiceId ?? "";
  await waitStatus(client, arn, (s) => s === "RUNNING", 100);

  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext();
  await context.addCookies([{ name: "runway_session", value: token, url: base }]);
  await context.addInitScript({ content: "window.__name = (f) => f;" });
  const page = await context.newPage();
  await page.goto(`${base}/services/us-east-1/${serviceId}`);
  await page.getByTestId("service-status").first().waitFor();

  const lag: number[] = [];
  const oldLag: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    held.hold();
    await client.send(new StartDeploymentCommand({ ServiceArn: arn }));
    // The page learns of the deployment on its own (it is not polling while RUNNING): reload, as a user arriving would.
    await page.reload();
    await page.locator('[data-testid="service-status"][data-status="OPERATION_IN_PROGRESS"]').first().waitFor();
    // Arm both watchers in the page: the badge (the console's strategy) and a 2-second poll of the status route (the old one).
    const arm = page.evaluate(
      async ({ statusUrl, every }) => {
        const badge = () => document.querySelector('[data-testid="service-status"]')?.getAttribute("data-status");
        const badgeAt = new Promise<number>((resolve) => {
          const check = () => badge() !== "OPERATION_IN_PROGRESS" && (observer.disconnect(), resolve(Date.now()));
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-status"], childList: true });
        });
        const oldAt = new Promise<number>((resolve) => {
          const tick = async () => {
            const body = (await (await fetch(statusUrl, { cache: "no-store" })).json()) as { status?: string };
            if (body.status !== "OPERATION_IN_PROGRESS") resolve(Date.now());
            else setTimeout(() => void tick(), every);
          };
          // A real 2 s poller is at a random phase when the operation ends.
          setTimeout(() => void tick(), Math.random() * every);
        });
        return { badge: await badgeAt, old: await oldAt };
      },
      { statusUrl: `/api/services/us-east-1/${serviceId}/status`, every: OLD_POLL_MS },
    );
    await sleep(300 + Math.random() * 700);
    held.release();
    const runtimeAt = await waitStatus(client, arn, (s) => s !== "OPERATION_IN_PROGRESS", 20);
    const seen = await arm;
    lag.push(Math.max(0, seen.badge - runtimeAt));
    oldLag.push(Math.max(0, seen.old - runtimeAt));
    console.log(`run ${i + 1}: console ${seen.badge - runtimeAt} ms after the runtime; 2 s poll ${seen.old - runtimeAt} ms`);
  }
  await browser.close();

  const result = {
    runs: RUNS,
    consoleLagMedianMs: round(median(lag)),
    consoleLagMaxMs: round(Math.max(...lag)),
    twoSecondPollLagMedianMs: round(median(oldLag)),
    ratioToTwoSecondPoll: round(median(lag) / Math.max(1, median(oldLag))),
    underHalfSecond: median(lag) < 500,
  };
  console.log(`console shows the end of an operation ${result.consoleLagMedianMs} ms (median; max ${result.consoleLagMaxMs}) after the runtime; a 2 s poll: ${result.twoSecondPollLagMedianMs} ms; ratio ${result.ratioToTwoSecondPoll}x`);
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
    }, 1_000);
  });
