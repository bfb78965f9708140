// Fleet metrics against the real local runtime through the real CloudWatch client: over 500
// queries go out as several GetMetricData calls and every batch's answers land on their service.
import http from "node:http";
import path from "node:path";
import { AppRunnerClient, CreateServiceCommand, DescribeServiceCommand } from "@aws-sdk/client-apprunner";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "@/lib/testing/start-runtime";
import { loadFleetMetrics } from "./fleet-metrics";

const root = path.resolve(__dirname, "../..");
let runtime: TestRuntime;
let dataPort = 0;
const config = () => runtime.config;

beforeAll(async () => {
  runtime = await startTestRuntime("fleet-test");
  dataPort = runtime.dataPort;
});

afterAll(async () => {
  await runtime?.stop();
});

const get = (host: string) =>
  new Promise<number>((resolve) => {
    http.get({ host: "127.0.0.1", port: dataPort, path: "/", headers: { host }, agent: false }, (res) => (res.resume(), res.on("end", () => resolve(res.statusCode ?? 0)))).on("error", () => resolve(0));
  });

describe("loadFleetMetrics", () => {
  it("splits 600 queries into 2 calls and maps both batches' answers to their services", async () => {
    const apprunner = new AppRunnerClient(config());
    const created = await apprunner.send(
      new CreateServiceCommand({
        ServiceName: "fleet-one",
        SourceConfiguration: {
          AutoDeploymentsEnabled: false,
          CodeRepository: {
            RepositoryUrl: path.join(root, "examples/node-hello"),
            SourceCodeVersion: { Type: "BRANCH", Value: "main" },
            CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "node server.js", Port: "8080" } },
          },
        },
      }),
    );
    const arn = created.Service?.ServiceArn ?? "";
    let svc = created.Service;
    for (let i = 0; i < 200 && svc?.Status !== "RUNNING"; i++) {
      await new Promise((r) => setTimeout(r, 250));
      svc = (await apprunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
    }
    expect(svc?.Status).toBe("RUNNING");
    const host = (svc?.ServiceUrl ?? "").split(":")[0] ?? "";
    for (let i = 0; i < 12; i++) expect(await get(host)).toBe(200);

    const real = { id: svc?.ServiceId ?? "", name: "fleet-one", region: "us-east-1" };
    const fakes = Array.from({ length: 198 }, (_, i) => ({ id: `${String(i).padStart(4, "0")}${"0".repeat(28)}`, name: `ghost-${i}`, region: "us-east-1" }));
    const services = [real, ...fakes, real]; // 200 services x 3 queries: the last one is in the 2nd call
    const cloudwatch = new CloudWatchClient(config());
    let fleet = await loadFleetMetrics(cloudwatch, services);
    const activeMax = () => Math.max(...(fleet.services[199]?.active.map((v) => v ?? 0) ?? []));
    // The data plane flushes request tallies every second and samples instances every few seconds.
    for (let i = 0; i < 80 && (fleet.services[0]?.totalRequests !== 12 || activeMax() < 1); i++) {
      await new Promise((r) => setTimeout(r, 250));
      fleet = await loadFleetMetrics(cloudwatch, services);
    }
    expect(fleet.calls).toBe(2);
    expect(fleet.services[0]?.totalRequests).toBe(12);
    expect(fleet.services[199]?.totalRequests).toBe(12);
    expect(fleet.services[1]?.totalRequests).toBe(0);
    expect(fleet.services[0]?.requests).toHaveLength(30);
    expect(activeMax()).toBeGreaterThanOrEqual(1);
    expect(fleet.totals.requests).toBe(24);
    expect(fleet.totals.topByRequests[0]).toMatchObject({ name: "fleet-one", value: 12 });
  });
});
