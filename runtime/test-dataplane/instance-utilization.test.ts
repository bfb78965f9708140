// CPUUtilization and MemoryUtilization are percentages of the service's own instance size (InstanceConfiguration),
// as in App Runner: the whole runtime, real app processes, their RSS read independently from /proc.
import { readFileSync } from "node:fs";
import { CreateServiceCommand, type AppRunnerClient, type Service } from "@aws-sdk/client-apprunner";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "../test/start-runtime.js";
import { appRunner, getVia, nodeHelloSource, settled, waitFor } from "../test/support.js";

const MIB = 1024 * 1024;
let rt: RunningRuntime;
let client: AppRunnerClient;
let cloudwatch: CloudWatchClient;
let small: Service;
let standard: Service;

beforeAll(async () => {
  rt = await startRuntime();
  client = appRunner(rt.api);
  cloudwatch = new CloudWatchClient({ endpoint: rt.api, region: "us-east-1", credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "secret" }, maxAttempts: 1 });
  const create = (name: string, instance?: { Cpu: string; Memory: string }) =>
    client.send(new CreateServiceCommand({ ServiceName: name, SourceConfiguration: nodeHelloSource({ message: name }), InstanceConfiguration: instance }));
  const [a, b] = await Promise.all([create("quarter-cpu", { Cpu: "0.25 vCPU", Memory: "0.5 GB" }), create("default-size")]);
  [small, standard] = await Promise.all([settled(client, a.Service!.ServiceArn!), settled(client, b.Service!.ServiceArn!)]);
  expect([small.Status, standard.Status]).toEqual(["RUNNING", "RUNNING"]);
  expect(small.InstanceConfiguration).toMatchObject({ Cpu: "256", Memory: "512" });
}, 120_000);

afterAll(async () => {
  cloudwatch?.destroy();
  await rt?.stop();
});

/** The instance's own process, as the app reports it (GET /info). */
async function instancePid(svc: Service): Promise<number> {
  const r = await getVia(rt.dataPlane, svc.ServiceUrl!.split(":")[0]!, "/info");
  expect(r.status).toBe(200);
  return (JSON.parse(r.body) as { pid: number }).pid;
}

function rssBytes(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kib) * 1024;
}

/** The newest 10-second MemoryUtilization average of the service, once there are a few samples. */
async function latestMemory(svc: Service): Promise<number> {
  const out = await cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(Date.now() - 120_000),
      EndTime: new Date(Date.now() + 10_000),
      MetricDataQueries: [
        {
          Id: "mem",
          MetricStat: {
            Metric: { Namespace: "AWS/AppRunner", MetricName: "MemoryUtilization", Dimensions: [{ Name: "ServiceName", Value: svc.ServiceName! }, { Name: "ServiceID", Value: svc.ServiceId! }] },
            Period: 10,
            Stat: "Average",
          },
        },
      ],
    }),
  );
  const values = out.MetricDataResults?.[0]?.Values ?? [];
  if (values.length < 2) throw new Error(`only ${values.length} MemoryUtilization datapoints so far`);
  return values[0]!;
}

describe("utilization relative to the instance size", () => {
  it("reports MemoryUtilization of a 0.25 vCPU / 512 MB service as RSS / 512 MiB, and of a default one as RSS / 2 GiB", async () => {
    const [smallPid, standardPid] = await Promise.all([instancePid(small), instancePid(standard)]);
    const smallMem = await waitFor("MemoryUtilization of quarter-cpu", () => latestMemory(small), 40_000, 1000);
    const standardMem = await latestMemory(standard);
    const smallRss = rssBytes(smallPid);
    const standardRss = rssBytes(standardPid);
    const smallExpected = (smallRss / (512 * MIB)) * 100;
    const standardExpected = (standardRss / (2048 * MIB)) * 100;
    const detail = `quarter-cpu ${smallMem.toFixed(2)}% (rss ${(smallRss / MIB).toFixed(1)} MiB), default ${standardMem.toFixed(2)}% (rss ${(standardRss / MIB).toFixed(1)} MiB)`;
    // An idle Node server's RSS moves by a few MiB between the runtime's sample and ours.
    expect(smallMem / smallExpected, detail).toBeGreaterThan(0.75);
    expect(smallMem / smallExpected, detail).toBeLessThan(1.3);
    expect(standardMem / standardExpected, detail).toBeGreaterThan(0.75);
    expect(standardMem / standardExpected, detail).toBeLessThan(1.3);
    // Same app, a quarter of the memory: about four times the utilization (it would be equal against a fixed 2 GB).
    expect(smallMem / standardMem, detail).toBeGreaterThan(2.5);
  }, 90_000);
});
