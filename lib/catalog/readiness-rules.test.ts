import { describe, expect, it } from "vitest";
import { readinessScore, runReadiness, type ReadinessInput } from "./readiness-rules";
import { plainSecretNames, percentile95, toServiceFacts, type ServiceFacts } from "./service-facts";

const goodFacts: ServiceFacts = {
  observedAt: "2026-11-30T00:00:00.000Z",
  minSize: 2,
  maxSize: 10,
  autoScalingName: "ha",
  healthCheckProtocol: "HTTP",
  healthCheckPath: "/health",
  sourceKind: "code",
  sourceVersion: "main",
  autoDeploy: false,
  observabilityEnabled: true,
  plainSecretEnvNames: [],
  cpu: "1024",
  memory: "2048",
  cpuP95: 45,
  memoryP95: 50,
};
const good: ReadinessInput = { tier: 1, lifecycle: "production", owner: "payments", runbookUrl: "https://wiki/rb", oncallUrl: "https://pager/x", facts: goodFacts };
const check = (i: ReadinessInput, id: string) => runReadiness(i).find((c) => c.id === id)!;
const withFacts = (f: Partial<ServiceFacts>): ReadinessInput => ({ ...good, facts: { ...goodFacts, ...f } });

describe("readiness rules", () => {
  it("passes every check for a well-configured tier 1 production service", () => {
    const checks = runReadiness(good);
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ["tier1-min-size", "pass"],
      ["production-http-health-check", "pass"],
      ["production-reviewed-deploys", "pass"],
      ["observability", "pass"],
      ["ownership", "pass"],
      ["no-plain-secrets", "pass"],
      ["instance-size", "pass"],
    ]);
    expect(readinessScore(checks)).toEqual({ passed: 7, applicable: 7, percent: 100 });
  });

  it("tier 1 at MinSize 1 fails and says how to fix it; tier 2 is not held to it", () => {
    const c = check(withFacts({ minSize: 1 }), "tier1-min-size");
    expect(c.status).toBe("fail");
    expect(c.saw).toContain("MinSize is 1");
    expect(c.fix).toContain("MinSize 2");
    expect(check({ ...withFacts({ minSize: 1 }), tier: 2 }, "tier1-min-size").status).toBe("skip");
  });

  it("production with a TCP health check fails; experimental is not held to it", () => {
    const c = check(withFacts({ healthCheckProtocol: "TCP" }), "production-http-health-check");
    expect(c.status).toBe("fail");
    expect(c.fix).toContain("HTTP");
    expect(check({ ...withFacts({ healthCheckProtocol: "TCP" }), lifecycle: "experimental" }, "production-http-health-check").status).toBe("skip");
  });

  it("production auto-deploying a branch fails; from an image or with auto deploy off it passes", () => {
    const c = check(withFacts({ autoDeploy: true, sourceVersion: "main" }), "production-reviewed-deploys");
    expect(c.status).toBe("fail");
    expect(c.saw).toContain("branch main");
    expect(check(withFacts({ autoDeploy: true, sourceKind: "image", sourceVersion: "repo:latest" }), "production-reviewed-deploys").status).toBe("pass");
  });

  it("observability off fails", () => {
    expect(check(withFacts({ observabilityEnabled: false }), "observability")).toMatchObject({ status: "fail", fix: expect.stringContaining("X-Ray") });
  });

  it("a missing owner, runbook or on-call link fails and names what is missing", () => {
    const c = check({ ...good, owner: null, oncallUrl: null }, "ownership");
    expect(c.status).toBe("fail");
    expect(c.saw).toBe("Missing: owner team, on-call link.");
  });

  it("plain-text secrets fail by name only; references and ordinary names pass", () => {
    expect(plainSecretNames({ DB_PASSWORD: "hunter2", API_TOKEN: "abc", CLIENT_SECRET: "arn:aws:secretsmanager:us-east-1:123456789012:secret:x", LOG_LEVEL: "debug", TOKEN_TTL: "60", EMPTY_TOKEN: "" })).toEqual(["API_TOKEN", "DB_PASSWORD"]);
    const c = check(withFacts({ plainSecretEnvNames: ["DB_PASSWORD"] }), "no-plain-secrets");
    expect(c.status).toBe("fail");
    expect(c.saw).toContain("DB_PASSWORD");
    expect(c.saw).not.toContain("hunter2");
  });

  it("instance size: over 80% or everything under 10% fails, no data skips", () => {
    expect(check(withFacts({ cpuP95: 91, memoryP95: 30 }), "instance-size")).toMatchObject({ status: "fail", fix: expect.stringContaining("Raise") });
    expect(check(withFacts({ cpuP95: 3, memoryP95: 8 }), "instance-size")).toMatchObject({ status: "fail", fix: expect.stringContaining("Lower") });
    expect(check(withFacts({ cpuP95: 3, memoryP95: 60 }), "instance-size").status).toBe("pass");
    expect(check(withFacts({ cpuP95: null, memoryP95: null }), "instance-size").status).toBe("skip");
  });

  it("without facts the configuration checks skip, ownership still judges", () => {
    const checks = runReadiness({ ...good, facts: null, owner: null });
    expect(checks.filter((c) => c.status !== "skip").map((c) => c.id)).toEqual(["ownership"]);
    expect(readinessScore(checks).percent).toBe(0);
  });

  it("reads facts from a DescribeService shape and never keeps env values", () => {
    const facts = toServiceFacts(
      {
        ServiceName: "s",
        HealthCheckConfiguration: { Protocol: "TCP" },
        SourceConfiguration: {
          AutoDeploymentsEnabled: true,
          CodeRepository: { RepositoryUrl: "https://git/x", SourceCodeVersion: { Type: "BRANCH", Value: "main" }, CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", RuntimeEnvironmentVariables: { STRIPE_SECRET: "sk_live_1" } } } },
        },
      } as never,
      { minSize: 1, maxSize: 3, name: "DefaultConfiguration" },
      { cpuP95: null, memoryP95: null },
    );
    expect(facts).toMatchObject({ minSize: 1, healthCheckProtocol: "TCP", sourceKind: "code", sourceVersion: "main", autoDeploy: true, plainSecretEnvNames: ["STRIPE_SECRET"] });
    expect(JSON.stringify(facts)).not.toContain("sk_live_1");
    expect(percentile95([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100])).toBe(19);
  });
});
