import { describe, expect, it } from "vitest";
import type { Service } from "@aws-sdk/client-apprunner";
import { planRollback } from "./rollback-plan";
import { toServiceConfig } from "./service-config";

const arn = "arn:aws:apprunner:us-east-1:123456789012:service/web/0123456789abcdef0123456789abcdef";
const ref = "arn:aws:ssm:us-east-1:123456789012:parameter/db";

function code(env: Record<string, string>, cpu = "1 vCPU", memory = "2 GB", secrets?: Record<string, string>): Service {
  return {
    ServiceArn: arn,
    Status: "RUNNING",
    SourceConfiguration: {
      AutoDeploymentsEnabled: false,
      CodeRepository: {
        RepositoryUrl: "/repo",
        SourceCodeVersion: { Type: "BRANCH", Value: "main" },
        CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", Port: "8080", RuntimeEnvironmentVariables: env, RuntimeEnvironmentSecrets: secrets } },
      },
    },
    InstanceConfiguration: { Cpu: cpu, Memory: memory },
  } as Service;
}

function image(identifier: string): Service {
  return {
    ServiceArn: arn,
    Status: "RUNNING",
    SourceConfiguration: { AutoDeploymentsEnabled: false, ImageRepository: { ImageIdentifier: identifier, ImageRepositoryType: "ECR_PUBLIC", ImageConfiguration: { Port: "8080" } } },
    InstanceConfiguration: { Cpu: "1024", Memory: "2048" },
  } as Service;
}

describe("planRollback", () => {
  it("sends only the sections that differ, with the old values", () => {
    const target = toServiceConfig(code({ MESSAGE: "one" }, "1 vCPU", "2 GB"));
    const plan = planRollback(target, code({ MESSAGE: "two" }, "0.25 vCPU", "0.5 GB"));
    expect(plan.sections).toEqual(["SourceConfiguration", "InstanceConfiguration"]);
    expect(plan.input.InstanceConfiguration).toEqual({ Cpu: "1 vCPU", Memory: "2 GB" });
    expect(plan.input.SourceConfiguration?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues?.RuntimeEnvironmentVariables).toEqual({ MESSAGE: "one" });
    expect(plan.input.HealthCheckConfiguration).toBeUndefined();
    expect(plan.notes.join(" ")).toMatch(/restores the configuration, not the code/);
  });

  it("keeps a secret whose value was never stored, and says when one cannot come back", () => {
    const target = toServiceConfig(code({}, "1 vCPU", "2 GB", { TOKEN: "literal", DB: ref, GONE: "literal2" }));
    const plan = planRollback(target, code({}, "1 vCPU", "2 GB", { TOKEN: "current-literal" }));
    const secrets = plan.input.SourceConfiguration?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues?.RuntimeEnvironmentSecrets;
    expect(secrets).toEqual({ TOKEN: "current-literal", DB: ref });
    expect(plan.notes.join(" ")).toMatch(/Secret GONE cannot be restored/);
  });

  it("says a tag is pulled as it is now, and redeploys an image service that has nothing to update", () => {
    const plan = planRollback(toServiceConfig(image("public.ecr.aws/a/b:latest")), image("public.ecr.aws/a/b:latest"));
    expect(plan.sections).toEqual([]);
    expect(plan.redeployOnly).toBe(true);
    expect(plan.notes.join(" ")).toMatch(/named by tag/);
    const pinned = planRollback(toServiceConfig(image("public.ecr.aws/a/b@sha256:abc")), image("public.ecr.aws/a/b:latest"));
    expect(pinned.input.SourceConfiguration?.ImageRepository?.ImageIdentifier).toBe("public.ecr.aws/a/b@sha256:abc");
    expect(pinned.notes.join(" ")).not.toMatch(/named by tag/);
  });

  it("refuses to switch between image and code", () => {
    expect(() => planRollback(toServiceConfig(image("public.ecr.aws/a/b:1")), code({}))).toThrow(/cannot switch/);
  });
});
