// Validation, errors, pagination, regions, auto scaling configurations and tags, through the real SDK client.
import {
  CreateAutoScalingConfigurationCommand,
  CreateServiceCommand,
  DeleteAutoScalingConfigurationCommand,
  DescribeAutoScalingConfigurationCommand,
  DescribeServiceCommand,
  ListAutoScalingConfigurationsCommand,
  ListServicesCommand,
  ListServicesForAutoScalingConfigurationCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDefaultAutoScalingConfigurationCommand,
  UpdateServiceCommand,
  type AppRunnerClient,
  type CreateServiceCommandInput,
} from "@aws-sdk/client-apprunner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";
import { appRunner, nodeHelloSource, rejection, serviceEvents, settled } from "./support.js";

let rt: RunningRuntime;
let client: AppRunnerClient;

beforeAll(async () => {
  rt = await startRuntime();
  client = appRunner(rt.api);
});

afterAll(async () => {
  await rt?.stop();
});

/** An image service: with no container engine it fails fast to CREATE_FAILED, which is all these tests need. */
const imageService = (name: string, extra: Partial<CreateServiceCommandInput> = {}): CreateServiceCommandInput => ({
  ServiceName: name,
  SourceConfiguration: { ImageRepository: { ImageIdentifier: "public.ecr.aws/nginx/nginx:latest", ImageRepositoryType: "ECR_PUBLIC" } },
  ...extra,
});

async function post(target: string, body: string): Promise<{ status: number; json: { __type?: string; message?: string } }> {
  const res = await fetch(rt.api, { method: "POST", headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": target }, body });
  return { status: res.status, json: (await res.json()) as { __type?: string; message?: string } };
}

describe("input validation from the model", () => {
  it.each([
    ["a name with a space", { ServiceName: "x y z" }, /Value 'x y z' at 'serviceName' failed to satisfy constraint: Member must satisfy regular expression pattern/],
    ["a name too short", { ServiceName: "abc" }, /at 'serviceName' failed to satisfy constraint: Member must have length greater than or equal to 4/],
    ["a CPU the model does not allow", { InstanceConfiguration: { Cpu: "3 vCPU" } }, /instanceConfiguration\.cpu/],
    ["a CPU/memory pair App Runner refuses", { InstanceConfiguration: { Cpu: "0.25 vCPU", Memory: "4 GB" } }, /not a supported combination.*0\.25 vCPU: 0\.5 GB\/1 GB/],
    ["a health check interval out of range", { HealthCheckConfiguration: { Interval: 50 } }, /healthCheckConfiguration\.interval.*less than or equal to 20/],
    ["an unknown health check protocol", { HealthCheckConfiguration: { Protocol: "UDP" as "TCP" } }, /enum value set: \[TCP, HTTP\]/],
    ["a reserved tag key", { Tags: [{ Key: "aws:owner", Value: "x" }] }, /tags\.1\.member\.key/],
  ])("refuses %s with InvalidRequestException naming the field", async (_what, patch, message) => {
    const err = await rejection(() => client.send(new CreateServiceCommand({ ...imageService("valid-name"), ...patch } as CreateServiceCommandInput)));
    expect(err.name).toBe("InvalidRequestException");
    expect(err.message).toMatch(message);
  });

  it("reports missing required members and nested ones", async () => {
    const r = await post("AppRunner.CreateService", JSON.stringify({ SourceConfiguration: { CodeRepository: { RepositoryUrl: "/x" } } }));
    expect(r.status).toBe(400);
    expect(r.json.__type).toBe("com.amazonaws.apprunner#InvalidRequestException");
    expect(r.json.message).toContain("2 validation errors detected");
    expect(r.json.message).toContain("Value null at 'serviceName' failed to satisfy constraint: Member must not be null");
    expect(r.json.message).toContain("'sourceConfiguration.codeRepository.sourceCodeVersion'");
  });

  it("answers malformed JSON, wrong types and unknown operations as AWS does", async () => {
    expect((await post("AppRunner.ListServices", "{not json")).json.__type).toBe("com.amazonaws.apprunner#SerializationException");
    expect((await post("AppRunner.ListServices", JSON.stringify({ MaxResults: "ten" }))).json.__type).toBe("com.amazonaws.apprunner#SerializationException");
    const unknown = await post("AppRunner.FlyToTheMoon", "{}");
    expect(unknown.json.__type).toBe("com.amazonaws.apprunner#UnknownOperationException");
    const vpc = await post("AppRunner.CreateVpcConnector", JSON.stringify({ VpcConnectorName: "abcd", Subnets: ["s"] }));
    expect(vpc.json.__type).toBe("com.amazonaws.apprunner#InvalidRequestException");
    expect(vpc.json.message).toContain("not supported by the Runway local runtime");
  });

  it("unknown resources raise ResourceNotFoundException", async () => {
    const arn = "arn:aws:apprunner:us-east-1:000000000000:service/ghost/0123456789abcdef0123456789abcdef";
    expect((await rejection(() => client.send(new DescribeServiceCommand({ ServiceArn: arn })))).name).toBe("ResourceNotFoundException");
    expect((await rejection(() => client.send(new ListTagsForResourceCommand({ ResourceArn: arn })))).name).toBe("ResourceNotFoundException");
  });
});

describe("services: names, pagination, regions", () => {
  it("refuses a second service with the same name", async () => {
    await client.send(new CreateServiceCommand(imageService("dup-name")));
    const err = await rejection(() => client.send(new CreateServiceCommand(imageService("dup-name"))));
    expect(err.name).toBe("InvalidRequestException");
  });

  it("an image service without a container engine fails with a message naming the missing engine", async () => {
    const { Service } = await client.send(new CreateServiceCommand(imageService("image-svc")));
    const s = await settled(client, Service!.ServiceArn!);
    // Machines with Docker run the image; without, creation fails and the service log says why.
    expect(["RUNNING", "CREATE_FAILED"]).toContain(s.Status);
    // App Runner's default port is reported when the request left it out.
    expect(s.SourceConfiguration?.ImageRepository?.ImageConfiguration?.Port).toBe("8080");
    const events = await serviceEvents(rt.api, s);
    expect(events).toContain("[AppRunner] Service creation started.");
    if (s.Status === "CREATE_FAILED") expect(events).toMatch(/Deployment with ID : [0-9a-f]{32} failed\. Failure reason : .*(Docker|container engine)/i);
  });

  it("ListServices pages (at most 20, default), tokens are opaque and complete", async () => {
    for (let i = 0; i < 4; i++) await client.send(new CreateServiceCommand(imageService(`page-svc-${i}`)));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListServicesCommand({ MaxResults: 2, NextToken: token }));
      expect(page.ServiceSummaryList!.length).toBeLessThanOrEqual(2);
      seen.push(...page.ServiceSummaryList!.map((s) => s.ServiceName!));
      token = page.NextToken;
      pages++;
    } while (token);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(["page-svc-0", "page-svc-1", "page-svc-2", "page-svc-3", "dup-name"]));
    expect(pages).toBe(Math.ceil(seen.length / 2));
    const tooMany = await rejection(() => client.send(new ListServicesCommand({ MaxResults: 21 })));
    expect(tooMany.name).toBe("InvalidRequestException");
    const bad = await rejection(() => client.send(new ListServicesCommand({ NextToken: "garbage" })));
    expect(bad.name).toBe("InvalidRequestException");
  });

  it("partitions state by the region in the signature", async () => {
    const eu = appRunner(rt.api, "eu-west-1");
    expect((await eu.send(new ListServicesCommand({}))).ServiceSummaryList).toEqual([]);
    const { Service } = await eu.send(new CreateServiceCommand(imageService("eu-only")));
    expect(Service?.ServiceArn).toMatch(/^arn:aws:apprunner:eu-west-1:000000000000:service\/eu-only\//);
    const us = await client.send(new ListServicesCommand({}));
    expect(us.ServiceSummaryList?.map((s) => s.ServiceName)).not.toContain("eu-only");
    expect((await rejection(() => client.send(new DescribeServiceCommand({ ServiceArn: Service!.ServiceArn })))).name).toBe("ResourceNotFoundException");
  });
});

describe("auto scaling configurations", () => {
  it("has App Runner's DefaultConfiguration", async () => {
    const list = await client.send(new ListAutoScalingConfigurationsCommand({}));
    const def = list.AutoScalingConfigurationSummaryList!.find((a) => a.AutoScalingConfigurationName === "DefaultConfiguration")!;
    expect(def.IsDefault).toBe(true);
    const full = await client.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: def.AutoScalingConfigurationArn }));
    expect(full.AutoScalingConfiguration).toMatchObject({ MaxConcurrency: 100, MinSize: 1, MaxSize: 25, Latest: true, Status: "ACTIVE" });
  });

  it("creates revisions, resolves name-only ARNs to the latest, refuses deleting what is in use or default", async () => {
    const r1 = (await client.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "fast-scale", MaxConcurrency: 10, MinSize: 1, MaxSize: 3 }))).AutoScalingConfiguration!;
    const r2 = (await client.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "fast-scale", MaxConcurrency: 20, MaxSize: 4 }))).AutoScalingConfiguration!;
    expect(r1.AutoScalingConfigurationRevision).toBe(1);
    expect(r2.AutoScalingConfigurationRevision).toBe(2);
    expect(r1.AutoScalingConfigurationArn).toMatch(/^arn:aws:apprunner:us-east-1:000000000000:autoscalingconfiguration\/fast-scale\/1\/[0-9a-f]{32}$/);
    expect(r2.Latest).toBe(true);
    const byName = r1.AutoScalingConfigurationArn!.replace(/\/1\/[0-9a-f]{32}$/, "");
    const latest = await client.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: byName }));
    expect(latest.AutoScalingConfiguration?.AutoScalingConfigurationRevision).toBe(2);
    const old = await client.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: r1.AutoScalingConfigurationArn }));
    expect(old.AutoScalingConfiguration?.Latest).toBe(false);
    const latestOnly = await client.send(new ListAutoScalingConfigurationsCommand({ AutoScalingConfigurationName: "fast-scale", LatestOnly: true }));
    expect(latestOnly.AutoScalingConfigurationSummaryList?.map((a) => a.AutoScalingConfigurationRevision)).toEqual([2]);
    const minOverMax = await rejection(() => client.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "bad-scale", MinSize: 5, MaxSize: 2 })));
    expect(minOverMax.name).toBe("InvalidRequestException");

    const { Service } = await client.send(new CreateServiceCommand(imageService("scaled-svc", { AutoScalingConfigurationArn: r1.AutoScalingConfigurationArn })));
    expect(Service?.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn).toBe(r1.AutoScalingConfigurationArn);
    const users = await client.send(new ListServicesForAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: r1.AutoScalingConfigurationArn }));
    expect(users.ServiceArnList).toEqual([Service!.ServiceArn]);
    await settled(client, Service!.ServiceArn!);
    const inUse = await rejection(() => client.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: r1.AutoScalingConfigurationArn })));
    expect(inUse.name).toBe("InvalidRequestException");

    const deleted = await client.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: r2.AutoScalingConfigurationArn }));
    expect(deleted.AutoScalingConfiguration?.Status).toBe("INACTIVE");
    expect((await client.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: r1.AutoScalingConfigurationArn }))).AutoScalingConfiguration?.Latest).toBe(true);

    await client.send(new UpdateDefaultAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: r1.AutoScalingConfigurationArn }));
    const list = await client.send(new ListAutoScalingConfigurationsCommand({}));
    expect(list.AutoScalingConfigurationSummaryList?.filter((a) => a.IsDefault).map((a) => a.AutoScalingConfigurationArn)).toEqual([r1.AutoScalingConfigurationArn]);
    const { Service: usesDefault } = await client.send(new CreateServiceCommand(imageService("default-svc")));
    expect(usesDefault?.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn).toBe(r1.AutoScalingConfigurationArn);
  });
});

describe("tags", () => {
  it("tags services at creation and later; untags; refuses reserved keys", async () => {
    const { Service } = await client.send(new CreateServiceCommand(imageService("tagged-svc", { Tags: [{ Key: "team", Value: "web" }] })));
    const arn = Service!.ServiceArn!;
    await settled(client, arn);
    await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: "tier", Value: "1" }, { Key: "team", Value: "platform" }] }));
    expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: "team", Value: "platform" },
      { Key: "tier", Value: "1" },
    ]);
    await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["team"] }));
    expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: "tier", Value: "1" }]);
    const reserved = await rejection(() => client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: "aws:x", Value: "y" }] })));
    expect(reserved.name).toBe("InvalidRequestException");
  });

  it("UpdateService with only a new auto scaling configuration applies it without a redeploy", async () => {
    const { Service } = await client.send(new CreateServiceCommand({ ServiceName: "scale-only", SourceConfiguration: nodeHelloSource({ message: "s" }) }));
    await settled(client, Service!.ServiceArn!);
    const asc = (await client.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: "scale-only-asc", MaxSize: 2 }))).AutoScalingConfiguration!;
    await client.send(new UpdateServiceCommand({ ServiceArn: Service!.ServiceArn, AutoScalingConfigurationArn: asc.AutoScalingConfigurationArn }));
    const s = await settled(client, Service!.ServiceArn!);
    expect(s.Status).toBe("RUNNING");
    expect(s.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn).toBe(asc.AutoScalingConfigurationArn);
  });
});
