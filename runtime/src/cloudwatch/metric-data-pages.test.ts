// GetMetricData pages while metrics keep arriving (a console paging through a live service): the NextToken
// is a position, so new datapoints neither repeat nor shift the pages still to come. Real HTTP and SDK.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CloudWatchClient, GetMetricDataCommand, type GetMetricDataCommandInput } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer, type ApiServer } from "../http/api-server.js";
import { createCloudWatchApi } from "./cloudwatch-api.js";
import { MetricStore } from "./metric-store.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "runway-cw-pages-"));
const store = new MetricStore({ dir });
const svc = { serviceName: "live", serviceId: "abcdefabcdefabcdefabcdefabcdefab" };
const base = Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000;
const minute = (m: number) => base + m * 60_000;
let server: ApiServer;
let client: CloudWatchClient;

beforeAll(async () => {
  for (let m = 0; m < 10; m++) store.record(svc, "Requests", 1, minute(m) + 500);
  server = createApiServer({ host: "127.0.0.1", port: 0, handlers: [createCloudWatchApi(store)], accessKeys: new Map() });
  client = new CloudWatchClient({ endpoint: `http://127.0.0.1:${await server.listen()}`, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
});

afterAll(async () => {
  client.destroy();
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const input = (scanBy: "TimestampAscending" | "TimestampDescending", token?: string): GetMetricDataCommandInput => ({
  StartTime: new Date(base),
  EndTime: new Date(base + 20 * 60_000),
  ScanBy: scanBy,
  MaxDatapoints: 4,
  NextToken: token,
  MetricDataQueries: [
    {
      Id: "req",
      MetricStat: {
        Metric: { Namespace: "AWS/AppRunner", MetricName: "Requests", Dimensions: [{ Name: "ServiceName", Value: svc.serviceName }, { Name: "ServiceID", Value: svc.serviceId }] },
        Period: 60,
        Stat: "Sum",
      },
    },
  ],
});

async function page(scanBy: "TimestampAscending" | "TimestampDescending", token?: string): Promise<{ minutes: number[]; token: string | undefined }> {
  const out = await client.send(new GetMetricDataCommand(input(scanBy, token)));
  return { minutes: (out.MetricDataResults?.[0]?.Timestamps ?? []).map((t) => (t.getTime() - base) / 60_000), token: out.NextToken };
}

describe("GetMetricData pages while datapoints arrive", () => {
  it("newest first: a datapoint newer than the first page does not push older ones into the next page", async () => {
    const first = await page("TimestampDescending");
    expect(first.minutes).toEqual([9, 8, 7, 6]);
    store.record(svc, "Requests", 1, minute(10) + 500);
    const second = await page("TimestampDescending", first.token);
    expect(second.minutes).toEqual([5, 4, 3, 2]);
    const third = await page("TimestampDescending", second.token);
    expect(third).toEqual({ minutes: [1, 0], token: undefined });
  });

  it("oldest first: a datapoint arriving while paging comes on a later page", async () => {
    const first = await page("TimestampAscending");
    expect(first.minutes).toEqual([0, 1, 2, 3]);
    store.record(svc, "Requests", 1, minute(11) + 500);
    const rest: number[] = [];
    for (let token = first.token; token; ) {
      const next = await page("TimestampAscending", token);
      rest.push(...next.minutes);
      token = next.token;
    }
    expect(rest).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
