// The services data layer against the real local runtime, through the real SDK clients:
// create from the Node example, serve, update env, logs, operations, pagination, domains, delete.
import path from "node:path";
import http from "node:http";
import { AppRunnerClient } from "@aws-sdk/client-apprunner";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLogEvents } from "@/lib/logs/read-log-events";
import { startTestRuntime, type TestRuntime } from "@/lib/testing/start-runtime";
import { createService } from "./create-service";
import { associateCustomDomain, listCustomDomains } from "./custom-domains";
import { deleteService } from "./delete-service";
import { describeService, describeServiceByArn } from "./describe-service";
import { listOperations } from "./list-operations";
import { listServicesInRegion, listServicesInRegions } from "./list-services";
import { listTags } from "./list-tags";
import { serviceFormSchema } from "./service-form-schema";
import { toFormValues, toServiceView } from "./service-view";
import { updateService } from "./update-service";

const root = path.resolve(__dirname, "../..");
let runtime: TestRuntime;
let api = "";
let dataPort = 0;
const region = "us-east-1";
const credentials = { accessKeyId: "runway", secretAccessKey: "runway-secret" };
let client: AppRunnerClient;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  runtime = await startTestRuntime("svc-test");
  api = runtime.api;
  dataPort = runtime.dataPort;
  client = new AppRunnerClient({ region, endpoint: api, credentials });
  logs = new CloudWatchLogsClient({ region, endpoint: api, credentials });
});

afterAll(async () => {
  await runtime?.stop(); // waits for the runtime to stop writing its state, then removes it
});

async function waitStatus(arn: string, want: string, timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    last = (await describeServiceByArn(client, arn)).Status ?? "";
    if (last === want) return;
    if (last !== "OPERATION_IN_PROGRESS") throw new Error(`service went ${last}, wanted ${want}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`still ${last} after ${timeoutMs} ms`);
}

function get(host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: dataPort, path: "/", headers: { host } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("services data layer against the local runtime", () => {
  let arn = "";
  let id = "";
  let host = "";

  it("creates the Node example from a form, runs it and serves MESSAGE", async () => {
    const form = serviceFormSchema.parse({
      serviceName: "node-hello",
      source: { kind: "code", repositoryUrl: path.join(root, "examples/node-hello"), branch: "main", configurationSource: "API", runtime: "NODEJS_22", startCommand: "node server.js", port: 8080 },
      cpu: "0.25 vCPU",
      memory: "0.5 GB",
      env: [{ name: "MESSAGE", value: "first" }, { name: "API_TOKEN", value: "tok-123", secret: true }],
      healthCheck: { protocol: "HTTP", path: "/health", interval: 1, timeout: 1, healthyThreshold: 1, unhealthyThreshold: 3 },
    });
    const created = await createService(client, form);
    arn = created.service.ServiceArn ?? "";
    id = created.service.ServiceId ?? "";
    host = (created.service.ServiceUrl ?? "").split(":")[0] ?? "";
    expect(created.operationId).toBeTruthy();
    await waitStatus(arn, "RUNNING");
    expect(await get(host)).toEqual({ status: 200, body: "first\n" });
  });

  it("updates one env var, keeping the secret, and serves the new value", async () => {
    const view = toServiceView((await describeService(client, region, id))!);
    expect(view.env.find((e) => e.name === "API_TOKEN")).toEqual({ name: "API_TOKEN", secret: true });
    const form = serviceFormSchema.parse(toFormValues(view));
    form.env = form.env.map((e) => (e.name === "MESSAGE" ? { ...e, value: "second" } : e));
    const r = await updateService(client, arn, form);
    expect(r.changed).toEqual(["SourceConfiguration"]);
    await waitStatus(arn, "RUNNING");
    expect((await get(host)).body).toBe("second\n");
    const after = await describeServiceByArn(client, arn);
    expect(after.SourceConfiguration?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues?.RuntimeEnvironmentSecrets).toEqual({ API_TOKEN: "tok-123" });
  });

  it("changes tags without a deployment", async () => {
    const form = serviceFormSchema.parse({ ...toFormValues(toServiceView(await describeServiceByArn(client, arn))), tags: [{ key: "team", value: "web" }] });
    expect(await updateService(client, arn, form)).toEqual({ changed: ["Tags"] });
    expect(await listTags(client, arn)).toEqual([{ key: "team", value: "web" }]);
    expect((await describeServiceByArn(client, arn)).Status).toBe("RUNNING");
    form.tags = [];
    expect((await updateService(client, arn, form)).changed).toEqual(["Tags"]);
    expect(await listTags(client, arn)).toEqual([]);
  });

  it("lists operations and reads service and application logs", async () => {
    const ops = await listOperations(client, arn);
    expect(ops.map((o) => `${o.type}:${o.status}`)).toEqual(["UPDATE_SERVICE:SUCCEEDED", "CREATE_SERVICE:SUCCEEDED"]);
    const lines = await readLogEvents(logs, { serviceName: "node-hello", serviceId: id, sources: ["service", "application"], startTime: Date.now() - 600_000 });
    expect(lines.some((l) => l.source === "application" && l.message.includes("node-hello listening"))).toBe(true);
    expect(lines.some((l) => l.source === "service")).toBe(true);
    const found = await readLogEvents(logs, { serviceName: "node-hello", serviceId: id, sources: ["application"], search: "listening" });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((l) => l.message.includes("listening"))).toBe(true);
  });

  it("associates a custom domain and returns validation records", async () => {
    await associateCustomDomain(client, arn, "app.example.com", false);
    const domains = await listCustomDomains(client, arn);
    expect(domains.dnsTarget).toBeTruthy();
    expect(domains.domains[0]?.domainName).toBe("app.example.com");
    expect(domains.domains[0]?.records.length).toBeGreaterThan(0);
  });

  it("pages through ListServices and reports a failing region without failing the rest", async () => {
    // Image services fail fast without a container engine, yet count as services.
    for (let i = 0; i < 21; i++) {
      await createService(client, serviceFormSchema.parse({ serviceName: `img-${String(i).padStart(2, "0")}`, source: { kind: "image", imageIdentifier: "public.ecr.aws/nginx/nginx:latest", imageRepositoryType: "ECR_PUBLIC" } }));
    }
    expect(await listServicesInRegion(client, region)).toHaveLength(22);
    const dead = new AppRunnerClient({ region: "eu-west-1", endpoint: "http://127.0.0.1:9", credentials, maxAttempts: 1 });
    const both = await listServicesInRegions(async (r) => (r === region ? client : dead), [region, "eu-west-1"]);
    expect(both.rows).toHaveLength(22);
    expect(both.errors).toHaveLength(1);
    expect(both.errors[0]?.region).toBe("eu-west-1");
    expect(both.errors[0]?.error.message).toMatch(/could not be reached/);
    dead.destroy();
  });

  it("deletes the service", async () => {
    expect(await deleteService(client, arn)).toBeTruthy();
    const until = Date.now() + 20_000;
    while (Date.now() < until && (await listServicesInRegion(client, region)).some((s) => s.arn === arn && s.status !== "DELETED")) {
      await new Promise((r) => setTimeout(r, 300));
    }
    expect((await listServicesInRegion(client, region)).filter((s) => s.arn === arn && s.status !== "DELETED")).toHaveLength(0);
  });
});
