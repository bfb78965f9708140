// The App Runner lifecycle driven over HTTP by @aws-sdk/client-apprunner against the real runtime (no mocks).
import {
  AssociateCustomDomainCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeCustomDomainsCommand,
  DescribeServiceCommand,
  DisassociateCustomDomainCommand,
  ListOperationsCommand,
  ListServicesCommand,
  PauseServiceCommand,
  ResumeServiceCommand,
  StartDeploymentCommand,
  TagResourceCommand,
  UpdateServiceCommand,
  type AppRunnerClient,
  type Service,
} from "@aws-sdk/client-apprunner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";
import { appRunner, getVia, nodeHelloSource, operation, rejection, served, serviceEvents, settled, waitFor } from "./support.js";

let rt: RunningRuntime;
let client: AppRunnerClient;
let svc: Service;

beforeAll(async () => {
  rt = await startRuntime({ env: { RUNWAY_RUNTIME_DOMAIN_ACTIVATION_SECONDS: "1" } });
  client = appRunner(rt.api);
});

afterAll(async () => {
  // SIGTERM stops every instance and exits 0.
  if (rt) expect(await rt.stop()).toBe(0);
});

describe("App Runner API through @aws-sdk/client-apprunner", () => {
  it("creates a service from examples/node-hello and serves it once RUNNING", async () => {
    const started = Date.now();
    const created = await client.send(new CreateServiceCommand({ ServiceName: "hello-sdk", SourceConfiguration: nodeHelloSource({ message: "v1" }) }));
    const s = created.Service!;
    expect(s.Status).toBe("OPERATION_IN_PROGRESS");
    expect(s.ServiceId).toMatch(/^[0-9a-f]{32}$/);
    expect(s.ServiceArn).toBe(`arn:aws:apprunner:us-east-1:000000000000:service/hello-sdk/${s.ServiceId}`);
    expect(s.ServiceUrl).toBe(`hello-sdk.${s.ServiceId}.localhost:${rt.dataPort}`);
    expect(s.CreatedAt).toBeInstanceOf(Date);
    expect(s.HealthCheckConfiguration).toMatchObject({ Protocol: "TCP", Interval: 5, Timeout: 2, HealthyThreshold: 1, UnhealthyThreshold: 5 });
    expect(s.AutoScalingConfigurationSummary?.AutoScalingConfigurationName).toBe("DefaultConfiguration");
    expect(created.OperationId).toMatch(/^[0-9a-f]{32}$/);

    // While the creation runs, every mutating call is refused.
    const busy = await rejection(() => client.send(new PauseServiceCommand({ ServiceArn: s.ServiceArn })));
    expect(busy.name).toBe("InvalidStateException");
    expect(busy.message).toContain("OPERATION_IN_PROGRESS");

    svc = await settled(client, s.ServiceArn!);
    expect(svc.Status).toBe("RUNNING");
    expect(await served(rt.dataPlane, svc.ServiceUrl!, "v1")).toBe("v1\n");
    const op = await operation(client, svc.ServiceArn!, created.OperationId!);
    expect(op).toMatchObject({ Type: "CREATE_SERVICE", Status: "SUCCEEDED", TargetArn: svc.ServiceArn });
    console.log(`CreateService -> RUNNING and serving: ${Date.now() - started} ms`);
  });

  it("updates an environment variable and serves the new value", async () => {
    const r = await client.send(new UpdateServiceCommand({ ServiceArn: svc.ServiceArn, SourceConfiguration: nodeHelloSource({ message: "v2" }) }));
    expect(r.Service?.Status).toBe("OPERATION_IN_PROGRESS");
    const s = await settled(client, svc.ServiceArn!);
    expect(s.Status).toBe("RUNNING");
    expect((await getVia(rt.dataPlane, svc.ServiceUrl!)).body).toBe("v2\n");
    expect((await operation(client, svc.ServiceArn!, r.OperationId!))?.Status).toBe("SUCCEEDED");
  });

  it("rolls back a deployment whose start command does not exist, and keeps serving the old version", async () => {
    const started = Date.now();
    const r = await client.send(
      new UpdateServiceCommand({ ServiceArn: svc.ServiceArn, SourceConfiguration: nodeHelloSource({ message: "v3", startCommand: "definitely-not-a-command-xyz --port 8080" }) }),
    );
    const s = await settled(client, svc.ServiceArn!);
    const elapsed = Date.now() - started;
    expect(s.Status).toBe("RUNNING");
    expect((await operation(client, svc.ServiceArn!, r.OperationId!))?.Status).toBe("ROLLBACK_SUCCEEDED");
    expect(s.SourceConfiguration?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues?.StartCommand).toBe("node server.js");
    expect((await getVia(rt.dataPlane, svc.ServiceUrl!)).body).toBe("v2\n");
    expect(elapsed).toBeLessThan(20_000);
    const events = await serviceEvents(rt.api, s);
    expect(events).toMatch(new RegExp(`Deployment with ID : ${r.OperationId} failed\\. Failure reason : .*definitely-not-a-command-xyz`));
    expect(events).toContain("Rollback to the previous deployment succeeded");
    console.log(`failing start command detected and rolled back in ${elapsed} ms`);
  });

  it("pauses (refusing updates with a message that says so), accepts tagging, and resumes", async () => {
    let t = Date.now();
    await client.send(new PauseServiceCommand({ ServiceArn: svc.ServiceArn }));
    expect((await settled(client, svc.ServiceArn!)).Status).toBe("PAUSED");
    console.log(`pause: ${Date.now() - t} ms`);
    const answer = await getVia(rt.dataPlane, svc.ServiceUrl!);
    expect(answer.status).not.toBe(200);

    const refused = await rejection(() => client.send(new UpdateServiceCommand({ ServiceArn: svc.ServiceArn, SourceConfiguration: nodeHelloSource({ message: "v9" }) })));
    expect(refused.name).toBe("InvalidStateException");
    expect(refused.message).toMatch(/paused/i);
    const deploy = await rejection(() => client.send(new StartDeploymentCommand({ ServiceArn: svc.ServiceArn })));
    expect(deploy.name).toBe("InvalidStateException");
    const domain = await rejection(() => client.send(new AssociateCustomDomainCommand({ ServiceArn: svc.ServiceArn, DomainName: "paused.example.com" })));
    expect(domain.name).toBe("InvalidStateException");
    await client.send(new TagResourceCommand({ ResourceArn: svc.ServiceArn, Tags: [{ Key: "team", Value: "web" }] }));

    t = Date.now();
    await client.send(new ResumeServiceCommand({ ServiceArn: svc.ServiceArn }));
    expect((await settled(client, svc.ServiceArn!)).Status).toBe("RUNNING");
    await served(rt.dataPlane, svc.ServiceUrl!, "v2");
    console.log(`resume -> serving: ${Date.now() - t} ms`);
  });

  it("StartDeployment runs a START_DEPLOYMENT operation; ListOperations is newest first", async () => {
    const { OperationId } = await client.send(new StartDeploymentCommand({ ServiceArn: svc.ServiceArn }));
    expect((await settled(client, svc.ServiceArn!)).Status).toBe("RUNNING");
    const { OperationSummaryList: ops } = await client.send(new ListOperationsCommand({ ServiceArn: svc.ServiceArn }));
    expect(ops?.[0]).toMatchObject({ Id: OperationId, Type: "START_DEPLOYMENT", Status: "SUCCEEDED" });
    expect(ops?.map((o) => o.Type)).toEqual(["START_DEPLOYMENT", "RESUME_SERVICE", "PAUSE_SERVICE", "UPDATE_SERVICE", "UPDATE_SERVICE", "CREATE_SERVICE"]);
    const page = await client.send(new ListOperationsCommand({ ServiceArn: svc.ServiceArn, MaxResults: 4 }));
    expect(page.OperationSummaryList).toHaveLength(4);
    const rest = await client.send(new ListOperationsCommand({ ServiceArn: svc.ServiceArn, MaxResults: 4, NextToken: page.NextToken }));
    expect(rest.OperationSummaryList?.map((o) => o.Type)).toEqual(["UPDATE_SERVICE", "CREATE_SERVICE"]);
    expect(rest.NextToken).toBeUndefined();
  });

  it("a service whose first deployment fails is CREATE_FAILED and can be fixed with UpdateService", async () => {
    const started = Date.now();
    const created = await client.send(
      new CreateServiceCommand({ ServiceName: "broken-sdk", SourceConfiguration: nodeHelloSource({ message: "fixed", startCommand: "no-such-binary-abc" }) }),
    );
    const failed = await settled(client, created.Service!.ServiceArn!);
    expect(failed.Status).toBe("CREATE_FAILED");
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await operation(client, failed.ServiceArn!, created.OperationId!))?.Status).toBe("FAILED");
    expect((await rejection(() => client.send(new StartDeploymentCommand({ ServiceArn: failed.ServiceArn })))).name).toBe("InvalidStateException");

    await client.send(new UpdateServiceCommand({ ServiceArn: failed.ServiceArn, SourceConfiguration: nodeHelloSource({ message: "fixed" }) }));
    const fixed = await settled(client, failed.ServiceArn!);
    expect(fixed.Status).toBe("RUNNING");
    await served(rt.dataPlane, fixed.ServiceUrl!, "fixed");
  });

  it("custom domains: App Runner-shaped validation records, active after the configured delay, served by Host", async () => {
    const r = await client.send(new AssociateCustomDomainCommand({ ServiceArn: svc.ServiceArn, DomainName: "App.Example.com" }));
    expect(r.DNSTarget).toBe(svc.ServiceUrl!.replace(/:\d+$/, ""));
    expect(r.CustomDomain?.DomainName).toBe("app.example.com");
    expect(r.CustomDomain?.Status).toBe("pending_certificate_dns_validation");
    expect(r.CustomDomain?.CertificateValidationRecords).toHaveLength(2);
    for (const rec of r.CustomDomain!.CertificateValidationRecords!) {
      expect(rec.Type).toBe("CNAME");
      expect(rec.Name).toMatch(/^_[0-9a-f]{32}\.(www\.)?app\.example\.com\.$/);
      expect(rec.Value).toMatch(/^_[0-9a-f]{32}\.[0-9a-f]{10}\.acm-validations\.aws\.$/);
      expect(rec.Status).toBe("PENDING_VALIDATION");
    }
    const taken = await rejection(() => client.send(new AssociateCustomDomainCommand({ ServiceArn: svc.ServiceArn, DomainName: "app.example.com" })));
    expect(taken.name).toBe("InvalidRequestException");

    await waitFor("domain to be active", async () => {
      const d = await client.send(new DescribeCustomDomainsCommand({ ServiceArn: svc.ServiceArn }));
      // App Runner sends this status in lower case although its model lists upper-case values.
      return String(d.CustomDomains?.[0]?.Status) === "active";
    });
    expect(await served(rt.dataPlane, "app.example.com:80", "v2")).toBe("v2\n");
    expect((await getVia(rt.dataPlane, "www.app.example.com")).body).toBe("v2\n");

    const gone = await client.send(new DisassociateCustomDomainCommand({ ServiceArn: svc.ServiceArn, DomainName: "app.example.com" }));
    expect(gone.CustomDomain?.Status).toBe("deleting");
    expect((await getVia(rt.dataPlane, "app.example.com")).status).toBe(404);
    const missing = await rejection(() => client.send(new DisassociateCustomDomainCommand({ ServiceArn: svc.ServiceArn, DomainName: "app.example.com" })));
    expect(missing.name).toBe("ResourceNotFoundException");
  });

  it("keeps every service across kill -9: running ones come back running, paused ones stay paused", async () => {
    const broken = (await client.send(new ListServicesCommand({}))).ServiceSummaryList!.find((s) => s.ServiceName === "broken-sdk")!;
    await client.send(new PauseServiceCommand({ ServiceArn: broken.ServiceArn }));
    expect((await settled(client, broken.ServiceArn!)).Status).toBe("PAUSED");

    await rt.kill9();
    await rt.restart();
    client = appRunner(rt.api);
    const after = await client.send(new DescribeServiceCommand({ ServiceArn: svc.ServiceArn }));
    expect(after.Service?.Status).toBe("RUNNING");
    expect(after.Service?.CreatedAt?.getTime()).toBe(svc.CreatedAt?.getTime());
    expect((await client.send(new DescribeServiceCommand({ ServiceArn: broken.ServiceArn }))).Service?.Status).toBe("PAUSED");
    await served(rt.dataPlane, after.Service!.ServiceUrl!, "v2", 60_000);
    const ops = await client.send(new ListOperationsCommand({ ServiceArn: svc.ServiceArn }));
    expect(ops.OperationSummaryList).toHaveLength(6);
  });

  it("kill -9 during operations: a create ends CREATE_FAILED, an update rolls back to the last good state, a delete completes", async () => {
    const broken = (await client.send(new ListServicesCommand({}))).ServiceSummaryList!.find((s) => s.ServiceName === "broken-sdk")!;
    // The deployments take a few hundred milliseconds; the kill lands while they run.
    const deleting = await client.send(new DeleteServiceCommand({ ServiceArn: broken.ServiceArn }));
    const created = await client.send(new CreateServiceCommand({ ServiceName: "interrupted-sdk", SourceConfiguration: nodeHelloSource({ message: "x" }) }));
    const r = await client.send(new UpdateServiceCommand({ ServiceArn: svc.ServiceArn, SourceConfiguration: nodeHelloSource({ message: "never" }) }));
    await rt.kill9();
    await rt.restart();
    client = appRunner(rt.api);

    const s = (await client.send(new DescribeServiceCommand({ ServiceArn: svc.ServiceArn }))).Service!;
    expect(s.Status).toBe("RUNNING");
    expect(s.SourceConfiguration?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues?.RuntimeEnvironmentVariables).toEqual({ MESSAGE: "v2" });
    expect((await operation(client, svc.ServiceArn!, r.OperationId!))?.Status).toBe("FAILED");
    await served(rt.dataPlane, s.ServiceUrl!, "v2", 60_000);

    const interrupted = created.Service!.ServiceArn!;
    expect((await client.send(new DescribeServiceCommand({ ServiceArn: interrupted }))).Service?.Status).toBe("CREATE_FAILED");
    expect((await operation(client, interrupted, created.OperationId!))?.Status).toBe("FAILED");

    expect((await settled(client, broken.ServiceArn!)).Status).toBe("DELETED");
    expect((await operation(client, broken.ServiceArn!, deleting.OperationId!))?.Status).toBe("SUCCEEDED");
  });

  it("deletes a service: DELETED, no longer listed nor served", async () => {
    const r = await client.send(new DeleteServiceCommand({ ServiceArn: svc.ServiceArn }));
    expect(r.Service?.Status).toBe("OPERATION_IN_PROGRESS");
    const s = await settled(client, svc.ServiceArn!);
    expect(s.Status).toBe("DELETED");
    expect(s.DeletedAt).toBeInstanceOf(Date);
    const { ServiceSummaryList } = await client.send(new ListServicesCommand({}));
    expect(ServiceSummaryList?.map((x) => x.ServiceArn)).not.toContain(svc.ServiceArn);
    expect((await getVia(rt.dataPlane, svc.ServiceUrl!)).status).toBe(404);
  });
});
