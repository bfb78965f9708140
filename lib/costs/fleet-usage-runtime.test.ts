// The dashboard's fleet cost against the real local runtime: each service priced with its own
// size and its auto scaling configuration's MinSize, rows in the order asked, one batched read.
import path from "node:path";
import { AppRunnerClient, CreateAutoScalingConfigurationCommand, CreateServiceCommand, DescribeServiceCommand } from "@aws-sdk/client-apprunner";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPriceTables } from "@/lib/pricing/default-price-tables";
import { startTestRuntime, type TestRuntime } from "@/lib/testing/start-runtime";
import { fleetUsage } from "./fleet-usage";

const root = path.resolve(__dirname, "../..");
let runtime: TestRuntime;

beforeAll(async () => {
  runtime = await startTestRuntime("fleet-usage");
});
afterAll(async () => {
  await runtime?.stop();
});

async function createService(client: AppRunnerClient, name: string, extra: { cpu: string; memory: string; scalingArn?: string }) {
  const out = await client.send(
    new CreateServiceCommand({
      ServiceName: name,
      InstanceConfiguration: { Cpu: extra.cpu, Memory: extra.memory },
      AutoScalingConfigurationArn: extra.scalingArn,
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
  let s = out.Service;
  for (let i = 0; i < 200 && s?.Status !== "RUNNING"; i++) {
    await new Promise((r) => setTimeout(r, 250));
    s = (await client.send(new DescribeServiceCommand({ ServiceArn: out.Service?.ServiceArn }))).Service;
  }
  expect(s?.Status).toBe("RUNNING");
  return { arn: s!.ServiceArn!, id: s!.ServiceId!, name, status: s!.Status! };
}

describe("fleetUsage", () => {
  it("prices idle services at MinSize × memory, each with its own size and configuration", async () => {
    const apprunner = new AppRunnerClient(runtime.config);
    const scaling = await apprunner.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "min-three", MinSize: 3, MaxSize: 5 }));
    const small = await createService(apprunner, "idle-small", { cpu: "1 vCPU", memory: "2 GB" });
    const wide = await createService(apprunner, "idle-wide", { cpu: "2 vCPU", memory: "4 GB", scalingArn: scaling.AutoScalingConfiguration?.AutoScalingConfigurationArn });
    const prices = defaultPriceTables.find((t) => t.region === "us-east-1")!.prices;

    const rows = await fleetUsage(apprunner, new CloudWatchClient(runtime.config), "us-east-1", [wide, small], prices, 7);

    expect(rows.map((r) => r.name)).toEqual(["idle-wide", "idle-small"]);
    // Nobody called them: no active hours, so a month is MinSize instances' memory, 730 hours.
    const memoryHour = prices.appRunner.provisionedGbHour;
    expect(rows[0]?.activeInstanceHours).toBe(0);
    expect(rows[0]?.projectedMonth).toBeCloseTo(3 * 4 * memoryHour * 730, 6);
    expect(rows[1]?.projectedMonth).toBeCloseTo(1 * 2 * memoryHour * 730, 6);
  });
});
