import { describe, expect, it } from "vitest";
import type { Service } from "@aws-sdk/client-apprunner";
import { changedLines, diffConfigs } from "./config-diff";
import { toServiceConfig } from "./service-config";

const arn = "arn:aws:apprunner:us-east-1:123456789012:service/web/0123456789abcdef0123456789abcdef";

function service(over: { env?: Record<string, string>; secrets?: Record<string, string>; cpu?: string; memory?: string } = {}): Service {
  return {
    ServiceArn: arn,
    ServiceName: "web",
    ServiceId: "0123456789abcdef0123456789abcdef",
    ServiceUrl: "web.example",
    Status: "RUNNING",
    CreatedAt: new Date(0),
    SourceConfiguration: {
      AutoDeploymentsEnabled: false,
      CodeRepository: {
        RepositoryUrl: "/repo",
        SourceCodeVersion: { Type: "BRANCH", Value: "main" },
        CodeConfiguration: {
          ConfigurationSource: "API",
          CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "node server.js", Port: "8080", RuntimeEnvironmentVariables: over.env, RuntimeEnvironmentSecrets: over.secrets },
        },
      },
    },
    InstanceConfiguration: { Cpu: over.cpu ?? "1024", Memory: over.memory ?? "2048" },
    AutoScalingConfigurationSummary: { AutoScalingConfigurationArn: "arn:aws:apprunner:us-east-1:123456789012:autoscalingconfiguration/DefaultConfiguration/1/00000000000000000000000000000001" },
  } as Service;
}

describe("diffConfigs", () => {
  it("marks changed, added and removed fields, and nothing else", () => {
    const v1 = toServiceConfig(service({ env: { MESSAGE: "one", OLD: "x" } }), [{ key: "team", value: "web" }]);
    const v2 = toServiceConfig(service({ env: { MESSAGE: "two", NEW: "y" }, cpu: "0.25 vCPU", memory: "0.5 GB" }), [{ key: "team", value: "web" }]);
    const lines = changedLines(diffConfigs(v1, v2));
    expect(lines.map((l) => [l.path, l.kind, l.before, l.after])).toEqual([
      ["env.MESSAGE", "changed", "one", "two"],
      ["env.OLD", "removed", "x", undefined],
      ["env.NEW", "added", undefined, "y"],
      ["instance.cpu", "changed", "1 vCPU", "0.25 vCPU"],
      ["instance.memory", "changed", "2 GB", "0.5 GB"],
    ]);
  });

  it("finds no change between App Runner's units and the form's", () => {
    const a = toServiceConfig(service({ cpu: "1024", memory: "2048" }));
    const b = toServiceConfig(service({ cpu: "1 vCPU", memory: "2 GB" }));
    expect(changedLines(diffConfigs(a, b))).toEqual([]);
  });

  it("against nothing, every field is added (the first version)", () => {
    const lines = diffConfigs(undefined, toServiceConfig(service({ env: { A: "1" } })));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.every((l) => l.kind === "added")).toBe(true);
    expect(lines.find((l) => l.path === "source.branch")).toMatchObject({ label: "Source branch", after: "main" });
  });

  it("shows a secret's reference, never a value that is not an ARN", () => {
    const ref = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";
    const config = toServiceConfig(service({ secrets: { DB: ref, TOKEN: "tok-very-secret" } }));
    expect(config.secrets).toEqual({ DB: ref, TOKEN: null });
    expect(JSON.stringify(config)).not.toContain("tok-very-secret");
    const lines = diffConfigs(undefined, config);
    expect(lines.find((l) => l.path === "secrets.TOKEN")?.after).toBe("(secret: value not stored)");
    expect(lines.find((l) => l.path === "secrets.DB")?.after).toBe(`(secret) ${ref}`);
  });
});

describe("toServiceConfig", () => {
  it("fills in what App Runner leaves out, so a plain read equals a full one", () => {
    const bare = toServiceConfig(service());
    expect(bare.healthCheck).toEqual({ protocol: "TCP", interval: 5, timeout: 2, healthyThreshold: 1, unhealthyThreshold: 5 });
    expect(bare.network).toEqual({ egress: "DEFAULT", publiclyAccessible: true, ipAddressType: "IPV4" });
    expect(bare.observability).toEqual({ enabled: false });
    const full = toServiceConfig({
      ...service(),
      HealthCheckConfiguration: { Protocol: "TCP", Path: "/", Interval: 5, Timeout: 2, HealthyThreshold: 1, UnhealthyThreshold: 5 },
      NetworkConfiguration: { EgressConfiguration: { EgressType: "DEFAULT" }, IngressConfiguration: { IsPubliclyAccessible: true }, IpAddressType: "IPV4" },
      ObservabilityConfiguration: { ObservabilityEnabled: false },
    });
    expect(changedLines(diffConfigs(bare, full))).toEqual([]);
  });
});

describe("labels", () => {
  it("reads as words, and keeps environment names as they are", () => {
    const lines = diffConfigs(undefined, toServiceConfig(service({ env: { API_URL: "u" } })));
    const label = (path: string) => lines.find((l) => l.path === path)?.label;
    expect(label("instance.cpu")).toBe("Instance CPU");
    expect(label("healthCheck.unhealthyThreshold")).toBe("Health check unhealthy threshold");
    expect(label("env.API_URL")).toBe("Environment variable API_URL");
  });
});
