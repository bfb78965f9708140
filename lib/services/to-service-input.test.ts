import type { Service } from "@aws-sdk/client-apprunner";
import { describe, expect, it } from "vitest";
import { serviceFormSchema, type ServiceFormInput } from "./service-form-schema";
import { toFormValues, toServiceView } from "./service-view";
import { toCreateServiceInput } from "./to-create-service-input";
import { toUpdateServiceInput } from "./to-update-service-input";

const form: ServiceFormInput = {
  serviceName: "node-hello",
  source: { kind: "code", repositoryUrl: "/srv/app", branch: "main", configurationSource: "API", runtime: "NODEJS_22", startCommand: "node server.js", port: 3000 },
  cpu: "0.25 vCPU",
  memory: "0.5 GB",
  env: [
    { name: "MESSAGE", value: "hi" },
    { name: "DB_PASSWORD", value: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db", secret: true },
  ],
  healthCheck: { protocol: "HTTP", path: "/health", interval: 5, timeout: 2, healthyThreshold: 1, unhealthyThreshold: 5 },
  tags: [{ key: "team", value: "web" }],
};

function serviceFrom(input: ServiceFormInput): Service {
  const c = toCreateServiceInput(serviceFormSchema.parse(input));
  return {
    ServiceName: c.ServiceName,
    ServiceId: "0123456789abcdef0123456789abcdef",
    ServiceArn: "arn:aws:apprunner:us-east-1:123456789012:service/node-hello/0123456789abcdef0123456789abcdef",
    ServiceUrl: "node-hello.0123456789abcdef0123456789abcdef.localhost:4581",
    Status: "RUNNING",
    CreatedAt: new Date(0),
    UpdatedAt: new Date(0),
    SourceConfiguration: c.SourceConfiguration,
    InstanceConfiguration: { Cpu: "256", Memory: "512" },
    HealthCheckConfiguration: c.HealthCheckConfiguration,
    AutoScalingConfigurationSummary: { AutoScalingConfigurationArn: "arn:aws:apprunner:us-east-1:123456789012:autoscalingconfiguration/DefaultConfiguration/1/x" },
    NetworkConfiguration: {},
  } as Service;
}

describe("form -> CreateService input", () => {
  it("splits env vars and secrets and maps the code configuration", () => {
    const input = toCreateServiceInput(serviceFormSchema.parse(form));
    const values = input.SourceConfiguration?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues;
    expect(values?.RuntimeEnvironmentVariables).toEqual({ MESSAGE: "hi" });
    expect(values?.RuntimeEnvironmentSecrets).toEqual({ DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" });
    expect(values?.Port).toBe("3000");
    expect(input.InstanceConfiguration).toEqual({ Cpu: "0.25 vCPU", Memory: "0.5 GB" });
    expect(input.HealthCheckConfiguration?.Path).toBe("/health");
    expect(input.Tags).toEqual([{ Key: "team", Value: "web" }]);
  });

  it("uses REPOSITORY configuration without values", () => {
    const input = toCreateServiceInput(
      serviceFormSchema.parse({ ...form, env: [], source: { kind: "code", repositoryUrl: "file:///srv/app", branch: "main", configurationSource: "REPOSITORY" } }),
    );
    expect(input.SourceConfiguration?.CodeRepository?.CodeConfiguration).toEqual({ ConfigurationSource: "REPOSITORY" });
  });
});

describe("form + service -> UpdateService input", () => {
  const service = serviceFrom(form);
  const prefill = () => serviceFormSchema.parse(toFormValues(toServiceView(service)));

  it("prefills without secret values and sends nothing when nothing changed", () => {
    const values = toFormValues(toServiceView(service));
    expect(values.env).toContainEqual({ name: "DB_PASSWORD", value: "", secret: true, keep: true });
    expect(JSON.stringify(values)).not.toContain("secretsmanager");
    const plan = toUpdateServiceInput(service, prefill());
    expect(plan.changed).toEqual([]);
    expect(Object.keys(plan.input)).toEqual(["ServiceArn"]);
  });

  it("sends only the source section when an env var changes, keeping blank secrets", () => {
    const next = prefill();
    next.env = next.env.map((e) => (e.name === "MESSAGE" ? { ...e, value: "changed" } : e));
    const plan = toUpdateServiceInput(service, next);
    expect(plan.changed).toEqual(["SourceConfiguration"]);
    const values = plan.input.SourceConfiguration?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues;
    expect(values?.RuntimeEnvironmentVariables).toEqual({ MESSAGE: "changed" });
    expect(values?.RuntimeEnvironmentSecrets).toEqual({ DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" });
    expect(plan.input.InstanceConfiguration).toBeUndefined();
  });

  it("sends instance and health check sections on their own", () => {
    const next = prefill();
    next.cpu = "1 vCPU";
    next.memory = "3 GB";
    next.healthCheck = { ...next.healthCheck, interval: 10 };
    const plan = toUpdateServiceInput(service, next);
    expect(plan.changed).toEqual(["InstanceConfiguration", "HealthCheckConfiguration"]);
    expect(plan.input.InstanceConfiguration).toEqual({ Cpu: "1 vCPU", Memory: "3 GB" });
  });

  it("refuses to switch between image and code", () => {
    const next = prefill();
    next.source = { kind: "image", imageIdentifier: "public.ecr.aws/a/b:1", imageRepositoryType: "ECR_PUBLIC", port: 80, startCommand: undefined, accessRoleArn: undefined };
    expect(() => toUpdateServiceInput(service, next)).toThrow(/cannot switch/);
  });
});
