// GetMetricData paging (MaxDatapoints, NextToken, ScanBy) against the whole runtime, through the JS SDK, its
// paginator and Debian's AWS CLI v2 (which pages by itself). The metrics are written to the runtime's data
// directory before it starts, as a previous run would have left them.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CloudWatchClient, GetMetricDataCommand, InvalidNextToken, paginateGetMetricData, type GetMetricDataCommandInput, type MetricDataResult } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MetricStore } from "../src/cloudwatch/metric-store.js";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";
import { debianAws, requireDebianAws, skipDebianAws } from "./debian-aws-cli.js";

const run = promisify(execFile);
const svc = { serviceName: "paged", serviceId: "0123456789abcdef0123456789abcdef" };
const dims = [
  { Name: "ServiceName", Value: svc.serviceName },
  { Name: "ServiceID", Value: svc.serviceId },
];
const MINUTES = 20;
// Whole minutes, inside the 15-day retention of minute data.
const base = Math.floor(Date.now() / 60_000) * 60_000 - (MINUTES + 5) * 60_000;
let rt: RunningRuntime;
let client: CloudWatchClient;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "runway-cw-paging-"));
  const store = new MetricStore({ dir: path.join(dataDir, "metrics") });
  for (let m = 0; m < MINUTES; m++) {
    const t = base + m * 60_000;
    for (let i = 0; i <= m; i++) store.record(svc, "Requests", 1, t + 1000 + i);
    store.record(svc, "ActiveInstances", 1 + (m % 3), t + 2000);
    // Latency only every other minute, so the queries' timestamps do not line up.
    if (m % 2 === 0) store.record(svc, "RequestLatency", 10 * m, t + 3000);
  }
  store.close();
  rt = await startRuntime({ dataDir });
  client = new CloudWatchClient({ endpoint: rt.api, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
}, 90_000);

afterAll(async () => {
  client?.destroy();
  // The runtime was given its data dir, so stop() leaves it; remove it here.
  const dir = rt?.dataDir;
  await rt?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const query = (scanBy?: "TimestampAscending" | "TimestampDescending", maxDatapoints?: number): GetMetricDataCommandInput => ({
  StartTime: new Date(base),
  EndTime: new Date(base + MINUTES * 60_000),
  ScanBy: scanBy,
  MaxDatapoints: maxDatapoints,
  MetricDataQueries: [
    { Id: "req", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "Requests", Dimensions: dims }, Period: 60, Stat: "Sum" } },
    { Id: "active", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "ActiveInstances", Dimensions: dims }, Period: 60, Stat: "Maximum" } },
    { Id: "lat", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "RequestLatency", Dimensions: dims }, Period: 60, Stat: "Average" } },
  ],
});
const TOTAL = MINUTES * 2 + MINUTES / 2;

/** Every (query, timestamp, value) of a set of pages, in the order the pages gave them. */
function flatten(pages: { MetricDataResults?: MetricDataResult[] }[]): string[] {
  return pages.flatMap((p) => (p.MetricDataResults ?? []).flatMap((r) => (r.Timestamps ?? []).map((t, i) => `${r.Id}@${t.getTime()}=${r.Values?.[i]}`)));
}

describe("GetMetricData paging over HTTP", () => {
  it("pages with NextToken return every datapoint exactly once, newest first across all queries", async () => {
    const whole = await client.send(new GetMetricDataCommand(query()));
    expect(whole.NextToken).toBeUndefined();
    expect(flatten([whole])).toHaveLength(TOTAL);
    expect(whole.MetricDataResults?.find((r) => r.Id === "req")?.Values?.slice(0, 2)).toEqual([MINUTES, MINUTES - 1]);

    const pages = [];
    let token: string | undefined;
    do {
      const page = await client.send(new GetMetricDataCommand({ ...query(undefined, 7), NextToken: token }));
      pages.push(page);
      token = page.NextToken;
      expect(pages.length).toBeLessThan(20);
    } while (token);
    expect(pages).toHaveLength(Math.ceil(TOTAL / 7));
    const seen = flatten(pages);
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen)).toEqual(new Set(flatten([whole])));
    // Each page holds the newest datapoints left, whichever query they belong to.
    const times = pages.map((p) => (p.MetricDataResults ?? []).flatMap((r) => (r.Timestamps ?? []).map((t) => t.getTime())));
    for (let i = 1; i < times.length; i++) expect(Math.min(...times[i - 1]!)).toBeGreaterThanOrEqual(Math.max(...times[i]!));
    // Every query is in every page; PartialData until its last datapoint has been returned.
    for (const p of pages) expect(p.MetricDataResults?.map((r) => r.Id)).toEqual(["req", "active", "lat"]);
    expect(pages[0]?.MetricDataResults?.every((r) => r.StatusCode === "PartialData")).toBe(true);
    expect(pages.at(-1)?.MetricDataResults?.every((r) => r.StatusCode === "Complete")).toBe(true);
  });

  it("paginateGetMetricData walks the pages oldest first with ScanBy TimestampAscending", async () => {
    const pages = [];
    for await (const page of paginateGetMetricData({ client, pageSize: 4 }, query("TimestampAscending"))) pages.push(page);
    expect(pages).toHaveLength(Math.ceil(TOTAL / 4));
    const req = pages.flatMap((p) => p.MetricDataResults?.find((r) => r.Id === "req")?.Values ?? []);
    expect(req).toEqual(Array.from({ length: MINUTES }, (_, m) => m + 1));
    const lat = pages.flatMap((p) => p.MetricDataResults?.find((r) => r.Id === "lat")?.Timestamps?.map((t) => t.getTime()) ?? []);
    expect(lat).toEqual(Array.from({ length: MINUTES / 2 }, (_, k) => base + 2 * k * 60_000));
    expect(flatten(pages)).toHaveLength(TOTAL);
  });

  it("rejects a malformed NextToken, and one from a different request, with InvalidNextToken", async () => {
    const bad = await client.send(new GetMetricDataCommand({ ...query(undefined, 5), NextToken: "not-a-token" })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidNextToken);
    const first = await client.send(new GetMetricDataCommand(query(undefined, 5)));
    expect(first.NextToken).toBeTruthy();
    const other = { ...query(undefined, 5), EndTime: new Date(base + 10 * 60_000), NextToken: first.NextToken };
    const reused = await client.send(new GetMetricDataCommand(other)).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(InvalidNextToken);
    expect((reused as Error).message).toContain("NextToken is invalid");
  });
});

describe.skipIf(skipDebianAws)("GetMetricData paging in the query protocol (Debian's AWS CLI v2)", () => {
  beforeAll(requireDebianAws);
  it("aws cloudwatch get-metric-data --page-size 6 follows NextToken and merges every datapoint", async () => {
    const env = { ...process.env, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_DEFAULT_REGION: "us-east-1", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null", AWS_PAGER: "" };
    const q = query();
    const args = ["cloudwatch", "get-metric-data", "--endpoint-url", rt.api, "--metric-data-queries", JSON.stringify(q.MetricDataQueries), "--start-time", q.StartTime!.toISOString(), "--end-time", q.EndTime!.toISOString(), "--output", "json"];
    const { stdout } = await run(debianAws, [...args, "--page-size", "6"], { env });
    const out = JSON.parse(stdout) as { MetricDataResults: { Id: string; Values: number[] }[]; NextToken?: string };
    const values = out.MetricDataResults.filter((r) => r.Id === "req").flatMap((r) => r.Values);
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: MINUTES }, (_, m) => m + 1));
    expect(out.MetricDataResults.reduce((n, r) => n + r.Values.length, 0)).toBe(TOTAL);
    expect(out.NextToken).toBeUndefined();
    // It did page: one request by itself returns 6 datapoints and the token to continue.
    const single = JSON.parse((await run(debianAws, [...args, "--max-datapoints", "6", "--no-paginate"], { env })).stdout) as typeof out;
    expect(single.MetricDataResults.reduce((n, r) => n + r.Values.length, 0)).toBe(6);
    expect(single.NextToken).toBeTruthy();
  }, 180_000); // Each Debian CLI call starts Python and loads its models: seconds apiece on a busy two-core machine.
});
