import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CloudWatchClient, GetMetricDataCommand, GetMetricStatisticsCommand, InvalidParameterValueException, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { AwsSmithyRpcV2CborProtocol } from "@aws-sdk/core/protocols";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer, type ApiServer } from "../http/api-server.js";
import { createCloudWatchApi } from "./cloudwatch-api.js";
import { MetricStore } from "./metric-store.js";
import { debianAws, requireDebianAws, skipDebianAws } from "../../test/debian-aws-cli.js";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "runway-cloudwatch-"));
const store = new MetricStore({ dir });
const svc = { serviceName: "demo-svc", serviceId: "0123456789abcdef0123456789abcdef" };
const other = { serviceName: "other", serviceId: "ffffffffffffffffffffffffffffffff" };
let server: ApiServer;
let endpoint: string;
let client: CloudWatchClient;
// Whole minutes, well inside the retention window.
const base = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;

beforeAll(async () => {
  for (let m = 0; m < 3; m++) {
    for (let i = 1; i <= 100; i++) {
      store.record(svc, "Requests", 1, base + m * 60_000 + i * 100);
      store.record(svc, "RequestLatency", i, base + m * 60_000 + i * 100);
    }
    store.record(svc, "ActiveInstances", m + 1, base + m * 60_000 + 5000);
  }
  store.record(other, "Requests", 1, base);
  server = createApiServer({ host: "127.0.0.1", port: 0, handlers: [createCloudWatchApi(store)], accessKeys: new Map() });
  endpoint = `http://127.0.0.1:${await server.listen()}`;
  client = new CloudWatchClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
});

afterAll(async () => {
  client.destroy();
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const dims = [
  { Name: "ServiceName", Value: svc.serviceName },
  { Name: "ServiceID", Value: svc.serviceId },
];

describe("CloudWatch API (JSON 1.0, query-compatible) through @aws-sdk/client-cloudwatch", () => {
  it("GetMetricData answers several MetricStat queries with per-period statistics", async () => {
    const out = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(base),
        EndTime: new Date(base + 5 * 60_000),
        ScanBy: "TimestampAscending",
        MetricDataQueries: [
          { Id: "req", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "Requests", Dimensions: dims }, Period: 60, Stat: "Sum" } },
          { Id: "p99", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "RequestLatency", Dimensions: dims }, Period: 60, Stat: "p99" } },
          { Id: "avg", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "RequestLatency", Dimensions: dims }, Period: 180, Stat: "Average" } },
          { Id: "active", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "ActiveInstances", Dimensions: [dims[0] as { Name: string; Value: string }] }, Period: 60, Stat: "Maximum" } },
        ],
      }),
    );
    const byId = new Map(out.MetricDataResults?.map((r) => [r.Id, r]));
    expect(byId.get("req")?.Values).toEqual([100, 100, 100]);
    expect(byId.get("req")?.Timestamps?.map((t) => t.getTime())).toEqual([base, base + 60_000, base + 120_000]);
    for (const v of byId.get("p99")?.Values ?? []) expect(Math.abs(v - 99)).toBeLessThan(3);
    expect(byId.get("avg")?.Values).toEqual([50.5]);
    expect(byId.get("active")?.Values).toEqual([1, 2, 3]);
    expect(byId.get("req")?.StatusCode).toBe("Complete");
  });

  it("refuses math expressions with InvalidParameterValue saying why", async () => {
    const err = await client
      .send(new GetMetricDataCommand({ StartTime: new Date(base), EndTime: new Date(base + 60_000), MetricDataQueries: [{ Id: "e1", Expression: "SUM(METRICS())" }] }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidParameterValueException);
    expect((err as Error).message).toContain("not supported by the local runtime");
  });

  it("GetMetricStatistics returns datapoints with statistics and percentiles", async () => {
    const out = await client.send(
      new GetMetricStatisticsCommand({
        Namespace: "AWS/AppRunner",
        MetricName: "RequestLatency",
        Dimensions: dims,
        StartTime: new Date(base),
        EndTime: new Date(base + 3 * 60_000),
        Period: 60,
        Statistics: ["SampleCount", "Maximum", "Minimum"],
        ExtendedStatistics: ["p50"],
      }),
    );
    expect(out.Datapoints).toHaveLength(3);
    const p = out.Datapoints?.[0];
    expect(p?.SampleCount).toBe(100);
    expect(p?.Maximum).toBe(100);
    expect(p?.Minimum).toBe(1);
    expect(Math.abs((p?.ExtendedStatistics?.p50 ?? 0) - 50)).toBeLessThan(2);
    expect(p?.Unit).toBe("Milliseconds");
  });

  it("ListMetrics lists each service's metrics with ServiceName and ServiceID", async () => {
    const out = await client.send(new ListMetricsCommand({ Namespace: "AWS/AppRunner", Dimensions: [{ Name: "ServiceName", Value: "demo-svc" }] }));
    expect(out.Metrics?.map((m) => m.MetricName).sort()).toEqual(["ActiveInstances", "RequestLatency", "Requests"]);
    expect(out.Metrics?.[0]?.Dimensions).toEqual(expect.arrayContaining(dims));
  });
});

describe("CloudWatch over smithy RPC v2 CBOR (the SDK forced to it)", () => {
  it("answers GetMetricData and errors in CBOR", async () => {
    const cborClient = new CloudWatchClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, protocol: AwsSmithyRpcV2CborProtocol });
    const out = await cborClient.send(
      new GetMetricDataCommand({
        StartTime: new Date(base),
        EndTime: new Date(base + 5 * 60_000),
        MetricDataQueries: [{ Id: "req", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "Requests", Dimensions: dims }, Period: 60, Stat: "Sum" } }],
      }),
    );
    expect(out.MetricDataResults?.[0]?.Values).toEqual([100, 100, 100]);
    expect(out.MetricDataResults?.[0]?.Timestamps?.[0]?.getTime()).toBe(base + 120_000);
    const err = await cborClient
      .send(new GetMetricDataCommand({ StartTime: new Date(base), EndTime: new Date(base + 60_000), MetricDataQueries: [{ Id: "e1", Expression: "m1 * 2" }] }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidParameterValueException);
    cborClient.destroy();
  });
});

describe.skipIf(skipDebianAws)("CloudWatch query protocol through Debian's AWS CLI v2", () => {
  beforeAll(requireDebianAws);
  const env = { ...process.env, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_DEFAULT_REGION: "us-east-1", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null", AWS_PAGER: "" };

  it("aws cloudwatch get-metric-data returns the same values", async () => {
    const query = JSON.stringify([{ Id: "m1", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "Requests", Dimensions: dims }, Period: 60, Stat: "Sum" } }]);
    const { stdout } = await run(debianAws, ["cloudwatch", "get-metric-data", "--endpoint-url", endpoint, "--metric-data-queries", query, "--start-time", new Date(base).toISOString(), "--end-time", new Date(base + 5 * 60_000).toISOString(), "--output", "json"], { env });
    const out = JSON.parse(stdout) as { MetricDataResults: { Id: string; Values: number[]; Timestamps: string[] }[] };
    expect(out.MetricDataResults[0]?.Values).toEqual([100, 100, 100]);
    expect(Date.parse(out.MetricDataResults[0]?.Timestamps[0] ?? "")).toBe(base + 120_000);
  });

  it("aws cloudwatch list-metrics and an error in the query protocol's XML shape", async () => {
    const { stdout } = await run(debianAws, ["cloudwatch", "list-metrics", "--endpoint-url", endpoint, "--namespace", "AWS/AppRunner", "--metric-name", "Requests", "--output", "json"], { env });
    expect((JSON.parse(stdout) as { Metrics: unknown[] }).Metrics).toHaveLength(2);
    const failed = await run(debianAws, ["cloudwatch", "get-metric-statistics", "--endpoint-url", endpoint, "--namespace", "AWS/AppRunner", "--metric-name", "Requests", "--start-time", new Date(base).toISOString(), "--end-time", new Date(base + 60_000).toISOString(), "--period", "7", "--statistics", "Sum"], { env }).catch((e: { stderr: string }) => e);
    expect((failed as { stderr: string }).stderr).toContain("InvalidParameterValue");
  });
});
