import { describe, expect, it } from "vitest";
import { fieldErrorsOf, serviceFormSchema, type ServiceFormInput } from "./service-form-schema";

const base: ServiceFormInput = {
  serviceName: "node-hello",
  source: { kind: "code", repositoryUrl: "/srv/app", branch: "main", configurationSource: "REPOSITORY" },
  cpu: "1 vCPU",
  memory: "2 GB",
};

function errors(input: ServiceFormInput) {
  const r = serviceFormSchema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
}

describe("service form schema", () => {
  it("accepts a minimal source service and fills App Runner's defaults", () => {
    const r = serviceFormSchema.parse(base);
    expect(r.healthCheck).toEqual({ protocol: "TCP", path: "/", interval: 5, timeout: 2, healthyThreshold: 1, unhealthyThreshold: 5 });
    expect(r.env).toEqual([]);
    expect(r.source.kind === "code" && r.source.port).toBe(8080);
  });

  it.each([
    ["abc", false],
    ["abcd", true],
    ["-abc", false],
    ["a_b-c", true],
    ["a".repeat(40), true],
    ["a".repeat(41), false],
    ["has space", false],
  ])("service name %s valid=%s", (name, ok) => {
    expect("serviceName" in errors({ ...base, serviceName: name })).toBe(!ok);
  });

  it("enforces the CPU/memory pairs App Runner allows", () => {
    expect(errors({ ...base, cpu: "0.25 vCPU", memory: "0.5 GB" })).toEqual({});
    expect(errors({ ...base, cpu: "0.5 vCPU", memory: "2 GB" }).memory).toMatch(/0.5 vCPU allows 1 GB/);
    expect(errors({ ...base, cpu: "4 vCPU", memory: "12 GB" })).toEqual({});
    expect(errors({ ...base, cpu: "2 vCPU", memory: "8 GB" }).memory).toBeDefined();
  });

  it("checks port range and health check ranges", () => {
    const src = { kind: "code" as const, repositoryUrl: "/x", branch: "main", configurationSource: "REPOSITORY" as const };
    expect(errors({ ...base, source: { ...src, port: 0 } })["source.port"]).toBeDefined();
    expect(errors({ ...base, source: { ...src, port: 65536 } })["source.port"]).toBeDefined();
    expect(errors({ ...base, source: { ...src, port: "3000" } })).toEqual({});
    const hc = { protocol: "HTTP" as const, path: "/health", interval: 21, timeout: 0, healthyThreshold: 1, unhealthyThreshold: 20 };
    const e = errors({ ...base, healthCheck: hc });
    expect(e["healthCheck.interval"]).toBeDefined();
    expect(e["healthCheck.timeout"]).toBeDefined();
    expect(e["healthCheck.unhealthyThreshold"]).toBeUndefined();
  });

  it("validates env var names, duplicates, reserved prefix and secrets", () => {
    const e = errors({
      ...base,
      env: [
        { name: "1BAD", value: "x" },
        { name: "OK", value: "" },
        { name: "OK", value: "y" },
        { name: "AWSAPPRUNNER_X", value: "z" },
        { name: "TOKEN", value: "", secret: true },
        { name: "KEPT", value: "", secret: true, keep: true },
      ],
    });
    expect(Object.keys(e).sort()).toEqual(["env.0.name", "env.2.name", "env.3.name", "env.4.value"]);
  });

  it("requires the start command for API-configured source (no silent npm start)", () => {
    const api = { kind: "code" as const, repositoryUrl: "/x", branch: "main", configurationSource: "API" as const, runtime: "NODEJS_22" as const };
    expect(errors({ ...base, source: api })["source.startCommand"]).toContain("starts your app");
    expect(errors({ ...base, source: { ...api, startCommand: "node server.js" } })).toEqual({});
  });

  it("requires a runtime for API-configured source and a role for private ECR", () => {
    expect(errors({ ...base, source: { kind: "code", repositoryUrl: "/x", branch: "main", configurationSource: "API" } })["source.runtime"]).toBeDefined();
    const priv = { kind: "image" as const, imageIdentifier: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", imageRepositoryType: "ECR" as const };
    expect(errors({ ...base, source: priv })["source.accessRoleArn"]).toBeDefined();
    expect(errors({ ...base, source: { ...priv, accessRoleArn: "arn:aws:iam::123456789012:role/pull" } })).toEqual({});
    expect(errors({ ...base, source: { kind: "image", imageIdentifier: "public.ecr.aws/nginx/nginx:latest", imageRepositoryType: "ECR_PUBLIC" } })).toEqual({});
    expect(errors({ ...base, source: { kind: "image", imageIdentifier: "docker.io/nginx", imageRepositoryType: "ECR_PUBLIC" } })["source.imageIdentifier"]).toBeDefined();
  });

  it("rejects reserved and duplicate tag keys", () => {
    const e = errors({ ...base, tags: [{ key: "aws:x", value: "" }, { key: "team", value: "a" }, { key: "team", value: "b" }] });
    expect(Object.keys(e).sort()).toEqual(["tags.0.key", "tags.2.key"]);
  });
});
