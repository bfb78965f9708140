// Every generated request against the official ECS model (botocore 1.43, copied from
// shared/reference/aws-api-models), and against the AWS CLI's own parameter validation.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan } from "./build-plan";
import { checkAgainstModel, type ServiceModelJson } from "./model-check";
import { allFixtures, imageService } from "./plan-fixtures";

const model = JSON.parse(readFileSync(path.join(import.meta.dirname, "models/ecs.service-2.json"), "utf8")) as ServiceModelJson;
const inputShape = model.operations.CreateExpressGatewayService!.input!.shape;

describe("generated requests against ecs.service-2.json", () => {
  for (const [name, input] of Object.entries(allFixtures)) {
    it(`${name}: required members, types, enums, lengths and patterns`, () => {
      expect(checkAgainstModel(model, inputShape, buildPlan(input).request)).toEqual([]);
    });
  }

  it("the check itself fails on what the model forbids", () => {
    const r = structuredClone(buildPlan(imageService).request) as unknown as Record<string, unknown>;
    delete r.executionRoleArn;
    (r.scalingTarget as Record<string, unknown>).autoScalingMetric = "CONCURRENCY";
    (r.primaryContainer as Record<string, unknown>).containerPort = "80";
    r.tags = [{ key: "", value: "x" }];
    r.maxConcurrency = 5;
    const errors = checkAgainstModel(model, inputShape, r);
    expect(errors).toEqual(
      expect.arrayContaining([
        "$: missing required member executionRoleArn",
        "$: unknown member maxConcurrency",
        "$.primaryContainer.containerPort: expected an integer",
        expect.stringContaining("$.scalingTarget.autoScalingMetric: \"CONCURRENCY\" is not one of"),
        "$.tags[0].key: length 0 is below 1",
      ]),
    );
  });
});

describe("AWS CLI v1 accepts the request (validation happens before any network call)", () => {
  const aws = spawnSync("aws", ["--version"], { encoding: "utf8" });
  const dir = mkdtempSync(path.join(tmpdir(), "runway-express-"));
  // Point it at a closed port: a validation failure exits before connecting, a valid request fails to connect.
  const run = (file: string) =>
    spawnSync("aws", ["ecs", "create-express-gateway-service", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9", "--cli-input-json", `file://${file}`, "--cli-connect-timeout", "2", "--cli-read-timeout", "2"], {
      encoding: "utf8",
      env: { ...process.env, AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_MAX_ATTEMPTS: "1", AWS_RETRY_MODE: "standard", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" },
      timeout: 60_000,
    });

  it("the CLI is installed (aws --version)", () => {
    expect(aws.status, `aws CLI missing: ${aws.error?.message ?? aws.stderr}`).toBe(0);
  });

  for (const [name, input] of Object.entries(allFixtures)) {
    it(`${name}: gets as far as connecting`, () => {
      const file = path.join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(buildPlan(input).request));
      const out = run(file);
      expect(out.stderr).toMatch(/Could not connect to the endpoint URL/);
      expect(out.stderr).not.toMatch(/Parameter validation failed|Unknown parameter|Missing required parameter/);
    });
  }

  it("and refuses a request it would not send", () => {
    const file = path.join(dir, "bad.json");
    const r = structuredClone(buildPlan(imageService).request) as unknown as Record<string, unknown>;
    delete r.infrastructureRoleArn;
    r.minTasks = 1;
    writeFileSync(file, JSON.stringify(r));
    const out = run(file);
    expect(out.stderr).toMatch(/Missing required parameter in input: "infrastructureRoleArn"/);
    expect(out.stderr).toMatch(/Unknown parameter in input: "minTasks"/);
  });
});
