import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  ResourceNotFoundException,
  InvalidParameterException,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logGroups, logStreams } from "../contracts.js";
import { createApiServer, type ApiServer } from "../http/api-server.js";
import { LogStore } from "./log-store.js";
import { createLogsApi } from "./logs-api.js";
import { debianAws, requireDebianAws, skipDebianAws } from "../../test/debian-aws-cli.js";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "runway-logs-"));
const id = "0123456789abcdef0123456789abcdef";
const serviceGroup = logGroups.service("web", id);
const appGroup = logGroups.application("web", id);
const t0 = Date.now() - 60_000;
let store: LogStore;
let server: ApiServer;
let endpoint: string;
let client: CloudWatchLogsClient;

beforeAll(async () => {
  store = new LogStore({ dir });
  store.append(serviceGroup, logStreams.events, "Service creation started.", t0);
  store.append(serviceGroup, logStreams.deployment("op1"), "[Build] npm ci", t0 + 1);
  for (let i = 0; i < 30; i++) store.append(appGroup, logStreams.instance(i % 2 ? "a" : "b"), `GET /item/${i} status=${i % 5 === 0 ? 500 : 200}`, t0 + 10 + i);
  store.append(appGroup, logStreams.instance("a"), 'error: "connection refused" by db', t0 + 100);
  server = createApiServer({ host: "127.0.0.1", port: 0, handlers: [createLogsApi(store)], accessKeys: new Map() });
  endpoint = `http://127.0.0.1:${await server.listen()}`;
  client = new CloudWatchLogsClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
});

afterAll(async () => {
  client.destroy();
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("CloudWatch Logs API through @aws-sdk/client-cloudwatch-logs", () => {
  it("describes groups by prefix, with pagination", async () => {
    const first = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: `/aws/apprunner/web/${id}`, limit: 1 }));
    expect(first.logGroups?.map((g) => g.logGroupName)).toEqual([appGroup]);
    const second = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: `/aws/apprunner/web/${id}`, limit: 1, nextToken: first.nextToken }));
    expect(second.logGroups?.map((g) => g.logGroupName)).toEqual([serviceGroup]);
    expect(second.nextToken).toBeUndefined();
    expect(second.logGroups?.[0]?.storedBytes).toBeGreaterThan(0);
  });

  it("describes streams ordered by last event time, newest first", async () => {
    const out = await client.send(new DescribeLogStreamsCommand({ logGroupName: serviceGroup, orderBy: "LastEventTime", descending: true }));
    expect(out.logStreams?.map((s) => s.logStreamName)).toEqual(["deployment/op1", "events"]);
    const missing = await client.send(new DescribeLogStreamsCommand({ logGroupName: "/aws/apprunner/nope/x/service" })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it("pages through a stream with GetLogEvents tokens, forward and backward", async () => {
    const stream = logStreams.instance("a");
    const head = await client.send(new GetLogEventsCommand({ logGroupName: appGroup, logStreamName: stream, startFromHead: true, limit: 10 }));
    expect(head.events?.map((e) => e.message?.split(" ")[1])).toEqual(["/item/1", "/item/3", "/item/5", "/item/7", "/item/9", "/item/11", "/item/13", "/item/15", "/item/17", "/item/19"]);
    const next = await client.send(new GetLogEventsCommand({ logGroupName: appGroup, logStreamName: stream, nextToken: head.nextForwardToken, limit: 10 }));
    expect(next.events).toHaveLength(6);
    const end = await client.send(new GetLogEventsCommand({ logGroupName: appGroup, logStreamName: stream, nextToken: next.nextForwardToken }));
    expect(end.events).toHaveLength(0);
    expect(end.nextForwardToken).toBe(next.nextForwardToken);
    const back = await client.send(new GetLogEventsCommand({ logGroupName: appGroup, logStreamName: stream, nextToken: next.nextBackwardToken, limit: 3 }));
    expect(back.events?.map((e) => e.message?.split(" ")[1])).toEqual(["/item/15", "/item/17", "/item/19"]);
    const tail = await client.send(new GetLogEventsCommand({ logGroupName: appGroup, logStreamName: stream, limit: 2 }));
    expect(tail.events?.map((e) => e.message)).toEqual(["GET /item/29 status=200", 'error: "connection refused" by db']);
  });

  it("filters events across streams by terms, phrases, exclusions and time, with pagination", async () => {
    const errors = await client.send(new FilterLogEventsCommand({ logGroupName: appGroup, filterPattern: "status=500" }));
    expect(errors.events?.map((e) => e.message)).toEqual([0, 5, 10, 15, 20, 25].map((i) => `GET /item/${i} status=500`));
    expect(errors.events?.[0]?.logStreamName).toBe("instance/b");
    const phrase = await client.send(new FilterLogEventsCommand({ logGroupName: appGroup, filterPattern: '"connection refused"' }));
    expect(phrase.events).toHaveLength(1);
    const excluded = await client.send(new FilterLogEventsCommand({ logGroupName: appGroup, filterPattern: "GET -status=200", logStreamNames: ["instance/a"] }));
    expect(excluded.events?.map((e) => e.message)).toEqual(["GET /item/5 status=500", "GET /item/15 status=500", "GET /item/25 status=500"]);
    const window = await client.send(new FilterLogEventsCommand({ logGroupName: appGroup, startTime: t0 + 12, endTime: t0 + 14 }));
    expect(window.events).toHaveLength(3);
    const pages: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new FilterLogEventsCommand({ logGroupName: appGroup, filterPattern: "GET", limit: 7, nextToken: token }));
      pages.push(...(page.events ?? []).map((e) => e.message ?? ""));
      token = page.nextToken;
    } while (token);
    expect(pages).toHaveLength(30);
    expect(new Set(pages).size).toBe(30);
    const json = await client.send(new FilterLogEventsCommand({ logGroupName: appGroup, filterPattern: "{ $.level = 1 }" })).catch((e: unknown) => e);
    expect(json).toBeInstanceOf(InvalidParameterException);
  });
});

describe("log storage", () => {
  it("survives a restart and stays within its size bound", () => {
    store.flush();
    const reopened = new LogStore({ dir });
    expect(reopened.getGroup(appGroup)?.streams.get("instance/a")?.events).toHaveLength(16);
    reopened.close();
    const small = new LogStore({ dir: path.join(dir, "small"), maxGroupBytes: 10_000 });
    for (let i = 0; i < 1000; i++) small.append("/g", "s", `line ${i} ${"x".repeat(74)}`);
    const group = small.getGroup("/g");
    expect(group?.bytes).toBeLessThanOrEqual(10_000);
    const events = group?.streams.get("s")?.events ?? [];
    expect(events[events.length - 1]?.message).toMatch(/^line 999 /);
    expect(events[0]?.message).not.toMatch(/^line 0 /);
    small.close();
    const bounded = new LogStore({ dir: path.join(dir, "total"), maxTotalBytes: 20_000 });
    for (let i = 0; i < 300; i++) bounded.append(`/g${i % 3}`, "s", `line ${i} ${"y".repeat(74)}`);
    const sizes = [0, 1, 2].map((g) => bounded.getGroup(`/g${g}`)?.bytes ?? 0);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20_000);
    expect(sizes.every((b) => b > 0)).toBe(true);
    bounded.close();
  });
});

describe.skipIf(skipDebianAws)("Debian's AWS CLI v2", () => {
  beforeAll(requireDebianAws);
  it("aws logs filter-log-events finds application output", async () => {
    const env = { ...process.env, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_DEFAULT_REGION: "us-east-1", AWS_CONFIG_FILE: "/dev/null", AWS_PAGER: "" };
    const { stdout } = await run(debianAws, ["logs", "filter-log-events", "--endpoint-url", endpoint, "--log-group-name", appGroup, "--filter-pattern", "refused", "--output", "json"], { env });
    const out = JSON.parse(stdout) as { events: { message: string; logStreamName: string }[] };
    expect(out.events.map((e) => e.message)).toEqual(['error: "connection refused" by db']);
    expect(out.events[0]?.logStreamName).toBe("instance/a");
  });
});
