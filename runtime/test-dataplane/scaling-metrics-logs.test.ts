// The end-to-end list against the whole runtime (start-runtime.ts): scale out past MaxConcurrency
// and back in, ActiveInstances/Requests through the CloudWatch SDK and Debian's CLI, application output
// through `aws logs filter-log-events`, and a crashed instance replaced while the others keep serving.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CreateAutoScalingConfigurationCommand, CreateServiceCommand, type AppRunnerClient, type Service } from "@aws-sdk/client-apprunner";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "../test/start-runtime.js";
import { appRunner, getVia, nodeHelloSource, serviceEvents, settled, waitFor } from "../test/support.js";
import { debianAws, requireDebianAws, skipDebianAws } from "../test/debian-aws-cli.js";

const run = promisify(execFile);
const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "secret" };
const cliEnv = { ...process.env, AWS_ACCESS_KEY_ID: "AKIDTEST", AWS_SECRET_ACCESS_KEY: "secret", AWS_DEFAULT_REGION: "us-east-1", AWS_CONFIG_FILE: "/dev/null", AWS_PAGER: "" };

let rt: RunningRuntime;
let client: AppRunnerClient;
let cloudwatch: CloudWatchClient;
let svc: Service;
let host: string;
const testStart = Date.now();

beforeAll(async () => {
  rt = await startRuntime({ env: { RUNWAY_RUNTIME_SCALE_IN_COOLDOWN_SECONDS: "3" } });
  client = appRunner(rt.api);
  cloudwatch = new CloudWatchClient({ endpoint: rt.api, region: "us-east-1", credentials, maxAttempts: 1 });
  const asc = await client.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "tight", MaxConcurrency: 2, MinSize: 1, MaxSize: 3 }));
  const created = await client.send(
    new CreateServiceCommand({
      ServiceName: "scaler",
      SourceConfiguration: nodeHelloSource({ message: "scale-me" }),
      AutoScalingConfigurationArn: asc.AutoScalingConfiguration?.AutoScalingConfigurationArn,
    }),
  );
  svc = await settled(client, created.Service!.ServiceArn!);
  expect(svc.Status).toBe("RUNNING");
  host = svc.ServiceUrl!.split(":")[0]!;
}, 120_000);

afterAll(async () => {
  cloudwatch?.destroy();
  await rt?.stop();
});

const dims = () => [
  { Name: "ServiceName", Value: svc.ServiceName! },
  { Name: "ServiceID", Value: svc.ServiceId! },
];

async function metric(name: string, stat: string): Promise<number[]> {
  const out = await cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(testStart - 120_000),
      EndTime: new Date(Date.now() + 60_000),
      MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: name, Dimensions: dims() }, Period: 60, Stat: stat } }],
    }),
  );
  return out.MetricDataResults?.[0]?.Values ?? [];
}

describe("data plane, autoscaling, metrics and logs in the whole runtime", () => {
  it("scales out to MaxSize when load passes MaxConcurrency, and back in after the cool-down", async () => {
    // 12 concurrent 2.5 s requests against MaxConcurrency 2: demand for 6 instances, clamped to MaxSize 3.
    const results = await Promise.all(Array.from({ length: 12 }, () => getVia(rt.dataPlane, host, "/slow?ms=2500")));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    let last = "";
    const events = await waitFor("scale-in event", async () => {
      last = await serviceEvents(rt.api, svc);
      return /scaling in from \d to 1 instances/.test(last) ? last : undefined;
    }, 30_000, 500).catch((err: Error) => {
      throw new Error(`${err.message}\nservice events:\n${last}`);
    });
    expect(events).toMatch(/scaling out from \d to 3 instances/);
    // ActiveInstances is sampled every 5 s: three instances were serving at the same time.
    const active = await waitFor("ActiveInstances = 3", async () => ((await metric("ActiveInstances", "Maximum")).some((v) => v >= 3) ? true : undefined), 20_000, 1000);
    expect(active).toBe(true);
    expect((await metric("Requests", "Sum")).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
    expect(Math.max(...(await metric("RequestLatency", "p99")))).toBeGreaterThanOrEqual(2400);
    expect((await metric("2xxStatusResponses", "Sum")).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
    expect(Math.max(...(await metric("Concurrency", "Maximum")))).toBeGreaterThanOrEqual(6);
    // CPU and memory come from the instances' processes in /proc (percent of the default 1 vCPU / 2 GB).
    const memory = await metric("MemoryUtilization", "Average");
    expect(memory.length).toBeGreaterThan(0);
    expect(memory.every((v) => v > 0 && v < 100)).toBe(true);
    // CPU needs two samples of an instance (5 s apart) to measure the time it used in between.
    const cpu = await waitFor("CPUUtilization", async () => ((await metric("CPUUtilization", "Maximum")).length ? true : undefined), 20_000, 1000);
    expect(cpu).toBe(true);
  }, 90_000);

  it.skipIf(skipDebianAws)("shows ActiveInstances and Requests through Debian's `aws cloudwatch get-metric-data`", async () => {
    requireDebianAws();
    const queries = JSON.stringify(
      ["ActiveInstances", "Requests"].map((name, i) => ({ Id: `m${i}`, MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: name, Dimensions: dims() }, Period: 60, Stat: i ? "Sum" : "Maximum" } })),
    );
    const { stdout } = await run(debianAws, ["cloudwatch", "get-metric-data", "--endpoint-url", rt.api, "--metric-data-queries", queries, "--start-time", new Date(testStart - 120_000).toISOString(), "--end-time", new Date(Date.now() + 60_000).toISOString(), "--output", "json"], { env: cliEnv });
    const out = JSON.parse(stdout) as { MetricDataResults: { Id: string; Values: number[] }[] };
    const byId = new Map(out.MetricDataResults.map((r) => [r.Id, r.Values]));
    expect(Math.max(...(byId.get("m0") ?? [0]))).toBeGreaterThanOrEqual(3);
    expect((byId.get("m1") ?? []).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
  });

  it.skipIf(skipDebianAws)("shows application output through Debian's `aws logs filter-log-events`", async () => {
    requireDebianAws();
    const group = `/aws/apprunner/${svc.ServiceName}/${svc.ServiceId}/application`;
    const found = await waitFor("application output", async () => {
      const { stdout } = await run(debianAws, ["logs", "filter-log-events", "--endpoint-url", rt.api, "--log-group-name", group, "--filter-pattern", "node-hello listening", "--output", "json"], { env: cliEnv });
      const out = JSON.parse(stdout) as { events: { logStreamName: string; message: string }[] };
      return out.events.length ? out.events : undefined;
    }, 20_000, 1000);
    expect(found[0]?.logStreamName).toMatch(/^instance\//);
  });

  it("replaces a crashed instance while the others keep serving", async () => {
    // Keep three instances busy, then crash one of them.
    const load = Promise.all(Array.from({ length: 6 }, () => getVia(rt.dataPlane, host, "/slow?ms=3000")));
    await new Promise((r) => setTimeout(r, 500));
    const crash = getVia(rt.dataPlane, host, "/crash").catch(() => ({ status: 0, body: "" }));
    const during: number[] = [];
    const until = Date.now() + 6000;
    while (Date.now() < until) {
      during.push((await getVia(rt.dataPlane, host, "/")).status);
      await new Promise((r) => setTimeout(r, 100));
    }
    await crash;
    await load;
    // Every plain request was answered while the crashed instance was being replaced. One sent to the dying
    // instance just before it exited gets 502: once written, a request is never sent twice (the instance may have
    // acted on it), and this loop has one request in flight at a time.
    expect(during.length).toBeGreaterThan(10);
    const failed = during.filter((s) => s !== 200);
    expect(failed.length <= 1 && failed.every((s) => s === 502), `statuses during the crash: ${during.join(" ")}`).toBe(true);
    const events = await waitFor("restart event", async () => {
      const text = await serviceEvents(rt.api, svc);
      return /Replacing the instance/.test(text) ? text : undefined;
    }, 20_000, 500);
    expect(events).toBeTruthy();
    expect((await getVia(rt.dataPlane, host, "/")).body).toBe("scale-me\n");
  }, 60_000);
});
