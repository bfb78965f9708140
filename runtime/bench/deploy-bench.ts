// Deployment benchmark: how long the local runtime takes to deploy
// examples/node-hello, to detect a failing start, to pause and to resume,
// measured on the engine directly and through the App Runner API (SDK), with
// App Runner's own figures for comparison. Last line: JSON with the numbers.
//   npx tsx runtime/bench/deploy-bench.ts [--runs=3] [--no-api]
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  AppRunnerClient,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServiceCommand,
  PauseServiceCommand,
  ResumeServiceCommand,
  type CodeConfiguration,
} from "@aws-sdk/client-apprunner";
import { createEngine } from "../src/engine/engine.js";
import type { AppRunnerServiceShape, DeploymentReason, DeploymentRequest } from "../src/contracts.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const nodeHello = path.join(root, "examples", "node-hello");
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 3);
const withApi = !process.argv.includes("--no-api");

// App Runner's own figures (issue 3): deployments take minutes; a broken start is retried for 5-20 minutes.
const REFERENCE = { deployMs: 3 * 60_000, brokenStartMinMs: 5 * 60_000, brokenStartMaxMs: 20 * 60_000 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${Math.round(n)} ms`;
const ratio = (ours: number, theirs: number) => `${Math.round(theirs / Math.max(ours, 1))}x faster`;
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

let seq = 0;
function shape(start: string, configurationSource: "API" | "REPOSITORY" = "REPOSITORY"): AppRunnerServiceShape {
  const id = `${(++seq).toString(16).padStart(8, "0")}${"0".repeat(24)}`;
  return {
    ServiceName: `bench-${seq}`,
    ServiceId: id,
    ServiceArn: `arn:aws:apprunner:us-east-1:000000000000:service/bench-${seq}/${id}`,
    Status: "OPERATION_IN_PROGRESS",
    SourceConfiguration: {
      CodeRepository: {
        RepositoryUrl: nodeHello,
        SourceCodeVersion: { Type: "BRANCH", Value: "main" },
        CodeConfiguration:
          configurationSource === "REPOSITORY"
            ? { ConfigurationSource: "REPOSITORY" }
            : { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: start } },
      },
      AutoDeploymentsEnabled: false,
    },
  };
}
const req = (service: AppRunnerServiceShape, reason: DeploymentReason): DeploymentRequest => ({
  operationId: `${Date.now().toString(16)}${(++seq).toString(16)}`.padEnd(32, "0"),
  reason,
  service,
  scaling: { minSize: 1, maxSize: 3, maxConcurrency: 100 },
});

async function benchEngine() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "runway-deploy-bench-"));
  const engine = createEngine({
    dataDir,
    logs: { append: () => undefined },
    metrics: { record: () => undefined, recordBatch: () => undefined },
    drain: { waitIdle: async () => undefined },
  });
  try {
    const deployRuns: number[] = [];
    let last: AppRunnerServiceShape | undefined;
    for (let i = 0; i < runs; i++) {
      last = shape("node server.js");
      const [t, r] = await timed(() => engine.deploy(req(last!, "create")));
      if (!r.ok) throw new Error(`deploy failed: ${r.reason}`);
      deployRuns.push(t);
    }
    const [brokenStartMs, broken] = await timed(() => engine.deploy(req(shape("runway-no-such-command --port 8080", "API"), "create")));
    if (broken.ok) throw new Error("a missing start command deployed");
    const [exitingStartMs, exiting] = await timed(() => engine.deploy(req(shape(`node -e "process.exit(1)"`, "API"), "create")));
    if (exiting.ok) throw new Error("an exiting start command deployed");
    const [pauseMs] = await timed(() => engine.pause(last!.ServiceId));
    const [resumeMs, resumed] = await timed(() => engine.resume(req(last!, "resume")));
    if (!resumed.ok) throw new Error(`resume failed: ${resumed.reason}`);
    return { deployRunsMs: deployRuns.map(Math.round), deployMedianMs: Math.round(median(deployRuns)), brokenStartMs: Math.round(brokenStartMs), brokenStartReason: broken.reason, exitingStartMs: Math.round(exitingStartMs), pauseMs: Math.round(pauseMs), resumeMs: Math.round(resumeMs) };
  } finally {
    await engine.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchApi() {
  const helper = path.join(root, "runtime", "test", "start-runtime.ts");
  if (!existsSync(helper) || !existsSync(path.join(root, "runtime", "src", "main.ts"))) return null;
  const { startRuntime } = (await import(helper)) as typeof import("../test/start-runtime.js");
  const rt = await startRuntime();
  const client = new AppRunnerClient({ endpoint: rt.api, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" } });
  const statusOf = async (arn: string) => (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service!.Status!;
  const waitStatus = async (arn: string, want: string[]) => {
    for (;;) {
      const s = await statusOf(arn);
      if (want.includes(s)) return s;
      if (s !== "OPERATION_IN_PROGRESS") throw new Error(`unexpected status ${s}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const create = (name: string, codeConfiguration: CodeConfiguration) =>
    client.send(
      new CreateServiceCommand({
        ServiceName: name,
        SourceConfiguration: {
          AutoDeploymentsEnabled: false,
          CodeRepository: { RepositoryUrl: nodeHello, SourceCodeVersion: { Type: "BRANCH", Value: "main" }, CodeConfiguration: codeConfiguration },
        },
      }),
    );
  try {
    const runsMs: number[] = [];
    let arn = "";
    for (let i = 0; i < runs; i++) {
      const [t] = await timed(async () => {
        arn = (await create(`bench-api-${i}`, { ConfigurationSource: "REPOSITORY" })).Service!.ServiceArn!;
        return waitStatus(arn, ["RUNNING"]);
      });
      runsMs.push(t);
    }
    const [brokenStartMs, brokenStatus] = await timed(async () => {
      const broken = (await create("bench-api-broken", { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "runway-no-such-command" } })).Service!.ServiceArn!;
      return waitStatus(broken, ["CREATE_FAILED", "RUNNING"]);
    });
    const [pauseMs] = await timed(async () => {
      await client.send(new PauseServiceCommand({ ServiceArn: arn }));
      return waitStatus(arn, ["PAUSED"]);
    });
    const [resumeMs] = await timed(async () => {
      await client.send(new ResumeServiceCommand({ ServiceArn: arn }));
      return waitStatus(arn, ["RUNNING"]);
    });
    await client.send(new DeleteServiceCommand({ ServiceArn: arn }));
    return { createToRunningRunsMs: runsMs.map(Math.round), createToRunningMedianMs: Math.round(median(runsMs)), brokenStartToCreateFailedMs: Math.round(brokenStartMs), brokenStartStatus: brokenStatus, pauseMs: Math.round(pauseMs), resumeMs: Math.round(resumeMs) };
  } finally {
    client.destroy();
    await rt.stop();
  }
}

const engine = await benchEngine();
console.log(`engine: deploy node-hello (build + start + healthy), median of ${runs}: ${ms(engine.deployMedianMs)} (runs ${engine.deployRunsMs.join(", ")} ms); App Runner: minutes (~${REFERENCE.deployMs / 60_000} min) -> ${ratio(engine.deployMedianMs, REFERENCE.deployMs)}`);
console.log(`engine: failing start command detected in ${ms(engine.brokenStartMs)} ("${engine.brokenStartReason}"); App Runner retries 5-20 min -> ${ratio(engine.brokenStartMs, REFERENCE.brokenStartMinMs)} to ${ratio(engine.brokenStartMs, REFERENCE.brokenStartMaxMs)}`);
console.log(`engine: app exiting during start detected in ${ms(engine.exitingStartMs)}`);
console.log(`engine: pause ${ms(engine.pauseMs)}, resume ${ms(engine.resumeMs)}`);

let api: Awaited<ReturnType<typeof benchApi>> = null;
if (withApi) {
  try {
    api = await benchApi();
  } catch (err) {
    console.log(`api: skipped (${(err as Error).message})`);
  }
}
if (api) {
  console.log(`api (SDK): CreateService -> RUNNING, median of ${runs}: ${ms(api.createToRunningMedianMs)} (runs ${api.createToRunningRunsMs.join(", ")} ms) -> ${ratio(api.createToRunningMedianMs, REFERENCE.deployMs)} than App Runner's minutes`);
  console.log(`api (SDK): broken start command -> ${api.brokenStartStatus} in ${ms(api.brokenStartToCreateFailedMs)} -> ${ratio(api.brokenStartToCreateFailedMs, REFERENCE.brokenStartMinMs)} to ${ratio(api.brokenStartToCreateFailedMs, REFERENCE.brokenStartMaxMs)}`);
  console.log(`api (SDK): PauseService -> PAUSED ${ms(api.pauseMs)}, ResumeService -> RUNNING ${ms(api.resumeMs)}`);
}
// Exit once the line is written: a timer left by the runtime test helper would otherwise hold the process.
process.stdout.write(`${JSON.stringify({ bench: "deploy", engine, api, reference: REFERENCE })}\n`, () => process.exit(0));
