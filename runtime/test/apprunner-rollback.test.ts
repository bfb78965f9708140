// A failed deployment's rollback as ListOperations and the service's `events` stream show it while it runs.
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServiceCommand,
  ListOperationsCommand,
  StartDeploymentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
  type AppRunnerClient,
} from "@aws-sdk/client-apprunner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";
import { appRunner, getVia, nodeHelloSource, rejection, served, serviceEvents, settled } from "./support.js";

let rt: RunningRuntime;
let client: AppRunnerClient;

beforeAll(async () => {
  // A short start timeout makes an app that never listens fail its deployment in 2 s instead of 60 s.
  rt = await startRuntime({ env: { RUNWAY_RUNTIME_START_TIMEOUT_SECONDS: "2" } });
  client = appRunner(rt.api);
});

afterAll(async () => {
  if (rt) expect(await rt.stop()).toBe(0);
});

describe("rollback of a failed deployment", () => {
  it("shows ROLLBACK_IN_PROGRESS while the previous deployment is restored, then ROLLBACK_SUCCEEDED", async () => {
    const created = await client.send(new CreateServiceCommand({ ServiceName: "rollback-sdk", SourceConfiguration: nodeHelloSource({ message: "v1" }) }));
    const arn = created.Service!.ServiceArn!;
    const svc = await settled(client, arn);
    expect(svc.Status).toBe("RUNNING");
    await served(rt.dataPlane, svc.ServiceUrl!, "v1");

    // Never listens (health check fails at the start timeout) and ignores SIGTERM: stopping it, which is the
    // rollback, takes the engine's 10 s grace period before SIGKILL, long enough to watch.
    const stubborn = `node -e "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"`;
    const started = Date.now();
    const r = await client.send(new UpdateServiceCommand({ ServiceArn: arn, SourceConfiguration: nodeHelloSource({ message: "v2", startCommand: stubborn }) }));
    const history: string[] = [];
    let servedDuringRollback: string | undefined;
    let serviceStatusDuringRollback: string | undefined;
    for (;;) {
      const { OperationSummaryList: ops } = await client.send(new ListOperationsCommand({ ServiceArn: arn }));
      const status = ops?.find((o) => o.Id === r.OperationId)?.Status ?? "MISSING";
      if (history.at(-1) !== status) history.push(status);
      if (status === "ROLLBACK_IN_PROGRESS" && servedDuringRollback === undefined) {
        servedDuringRollback = (await getVia(rt.dataPlane, svc.ServiceUrl!)).body;
        serviceStatusDuringRollback = (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status;
        // Every mutating call waits for the operation, tagging included.
        for (const call of [
          () => client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: "k", Value: "v" }] })),
          () => client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["k"] })),
          () => client.send(new StartDeploymentCommand({ ServiceArn: arn })),
          () => client.send(new DeleteServiceCommand({ ServiceArn: arn })),
        ]) {
          const refused = await rejection(call);
          expect(refused.name).toBe("InvalidStateException");
          expect(refused.message).toContain(`UPDATE_SERVICE ${r.OperationId}`);
        }
      }
      if (status !== "IN_PROGRESS" && status !== "ROLLBACK_IN_PROGRESS") break;
      if (Date.now() - started > 60_000) throw new Error(`operation still ${status} after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(history).toEqual(["IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCEEDED"]);
    expect(servedDuringRollback).toBe("v1\n");
    expect(serviceStatusDuringRollback).toBe("OPERATION_IN_PROGRESS");

    const after = await settled(client, arn);
    expect(after.Status).toBe("RUNNING");
    expect((await getVia(rt.dataPlane, svc.ServiceUrl!)).body).toBe("v1\n");
    const events = (await serviceEvents(rt.api, after)).split("\n");
    const at = (pattern: RegExp) => events.findIndex((line) => pattern.test(line));
    const failed = at(new RegExp(`Deployment with ID : ${r.OperationId} failed\\. Failure reason : .+`));
    const rollbackStarted = at(/Rolling back to previous deployment/);
    const rollbackDone = at(/Rollback to the previous deployment succeeded/);
    expect(failed).toBeGreaterThanOrEqual(0);
    expect(rollbackStarted).toBeGreaterThan(failed);
    expect(rollbackDone).toBeGreaterThan(rollbackStarted);
    expect(events.filter((line) => line.includes(`${r.OperationId} failed`))).toHaveLength(1);
    console.log(`rollback: failed after start timeout, ROLLBACK_IN_PROGRESS -> ROLLBACK_SUCCEEDED in ${Date.now() - started} ms`);
  });
});
