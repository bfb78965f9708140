// The App Runner lifecycle driven by Debian's AWS CLI v2 (/usr/bin/aws), a client no one here wrote.
// The vitest global setup installs it; the suite fails without it unless RUNWAY_TEST_ALLOW_SKIP=awscli.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";
import { EXAMPLES, getVia, served } from "./support.js";
import { debianAws, requireDebianAws, skipDebianAws } from "./debian-aws-cli.js";

const AWS = debianAws;

let rt: RunningRuntime;
const home = mkdtempSync(path.join(os.tmpdir(), "runway-cli-home-"));

interface CliResult {
  code: number;
  json: Record<string, unknown> & { Service?: Record<string, string> };
  stderr: string;
}

/** Runs `aws apprunner <args>` against the runtime with static keys and no user configuration. */
function aws(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      AWS,
      ["apprunner", ...args, "--endpoint-url", rt.api, "--output", "json"],
      {
        env: {
          PATH: process.env.PATH ?? "/usr/bin:/bin",
          HOME: home,
          AWS_ACCESS_KEY_ID: "AKIDCLI",
          AWS_SECRET_ACCESS_KEY: "cli-secret",
          AWS_DEFAULT_REGION: "us-east-1",
          AWS_CONFIG_FILE: path.join(home, "none"),
          AWS_SHARED_CREDENTIALS_FILE: path.join(home, "none"),
          AWS_PAGER: "",
          AWS_EC2_METADATA_DISABLED: "true",
          NODE_ENV: "test",
        },
        timeout: 60_000,
        encoding: "utf8",
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, json: stdout.trim() ? (JSON.parse(stdout) as CliResult["json"]) : {}, stderr });
      },
    );
  });
}

async function settledStatus(arn: string, timeoutMs = 90_000): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const r = await aws("describe-service", "--service-arn", arn);
    if (r.json.Service && r.json.Service.Status !== "OPERATION_IN_PROGRESS") return r.json.Service;
    await new Promise((res) => setTimeout(res, 300));
  }
  throw new Error(`${arn} did not settle`);
}

const apiSource = (message: string, startCommand = "node server.js") =>
  JSON.stringify({
    AutoDeploymentsEnabled: false,
    CodeRepository: {
      RepositoryUrl: path.join(EXAMPLES, "node-hello"),
      SourceCodeVersion: { Type: "BRANCH", Value: "main" },
      CodeConfiguration: {
        ConfigurationSource: "API",
        CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: startCommand, Port: "8080", RuntimeEnvironmentVariables: { MESSAGE: message } },
      },
    },
  });

// Each CLI call starts a Python interpreter (about a second on a busy two-core machine): generous timeouts.
describe.skipIf(skipDebianAws)("App Runner API through Debian's AWS CLI v2", { timeout: 180_000 }, () => {
  let arn = "";
  let url = "";

  beforeAll(async () => {
    requireDebianAws();
    rt = await startRuntime();
  });

  afterAll(async () => {
    await rt?.stop();
  });

  it("creates a service from examples/node-hello with its apprunner.yaml and serves it", async () => {
    const source = JSON.stringify({
      AutoDeploymentsEnabled: false,
      CodeRepository: {
        RepositoryUrl: path.join(EXAMPLES, "node-hello"),
        SourceCodeVersion: { Type: "BRANCH", Value: "main" },
        CodeConfiguration: { ConfigurationSource: "REPOSITORY" },
      },
    });
    const r = await aws("create-service", "--service-name", "hello-cli", "--source-configuration", source, "--tags", "Key=team,Value=cli");
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.Service?.Status).toBe("OPERATION_IN_PROGRESS");
    arn = r.json.Service!.ServiceArn!;
    url = r.json.Service!.ServiceUrl!;
    expect(arn).toMatch(/^arn:aws:apprunner:us-east-1:000000000000:service\/hello-cli\/[0-9a-f]{32}$/);
    expect((await settledStatus(arn)).Status).toBe("RUNNING");
    expect(await served(rt.dataPlane, url, "Hello from Runway")).toContain("Hello from Runway");
    const listed = await aws("list-services");
    expect((listed.json.ServiceSummaryList as { ServiceArn: string }[]).map((s) => s.ServiceArn)).toContain(arn);
  });

  it("prints the exception name for errors raised by the runtime", async () => {
    const bad = await aws("create-service", "--service-name", "bad-cpu", "--source-configuration", apiSource("x"), "--instance-configuration", "Cpu=3 vCPU");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/An error occurred \(InvalidRequestException\) when calling the CreateService operation: 1 validation error detected: .*instanceConfiguration\.cpu/);
    const missing = await aws("describe-service", "--service-arn", "arn:aws:apprunner:us-east-1:000000000000:service/ghost/0123456789abcdef0123456789abcdef");
    expect(missing.stderr).toMatch(/\(ResourceNotFoundException\)/);
  });

  it("updates an environment variable, then rolls back a broken start command", async () => {
    expect((await aws("update-service", "--service-arn", arn, "--source-configuration", apiSource("from-cli"))).code).toBe(0);
    expect((await settledStatus(arn)).Status).toBe("RUNNING");
    expect((await getVia(rt.dataPlane, url)).body).toBe("from-cli\n");

    const broken = await aws("update-service", "--service-arn", arn, "--source-configuration", apiSource("never", "no-such-command-for-cli"));
    const opId = broken.json.OperationId as string;
    expect((await settledStatus(arn)).Status).toBe("RUNNING");
    const ops = (await aws("list-operations", "--service-arn", arn)).json.OperationSummaryList as { Id: string; Status: string; Type: string }[];
    expect(ops[0]).toMatchObject({ Id: opId, Type: "UPDATE_SERVICE", Status: "ROLLBACK_SUCCEEDED" });
    expect((await getVia(rt.dataPlane, url)).body).toBe("from-cli\n");
  });

  it("pauses, refuses updates while paused, resumes", async () => {
    expect((await aws("pause-service", "--service-arn", arn)).code).toBe(0);
    expect((await settledStatus(arn)).Status).toBe("PAUSED");
    expect((await getVia(rt.dataPlane, url)).status).toBe(404);
    const refused = await aws("start-deployment", "--service-arn", arn);
    expect(refused.stderr).toMatch(/\(InvalidStateException\).*paused/i);
    expect((await aws("resume-service", "--service-arn", arn)).code).toBe(0);
    expect((await settledStatus(arn)).Status).toBe("RUNNING");
    await served(rt.dataPlane, url, "from-cli");
  });

  it("tags, custom domains and auto scaling configurations", async () => {
    await aws("tag-resource", "--resource-arn", arn, "--tags", "Key=tier,Value=2");
    const tags = (await aws("list-tags-for-resource", "--resource-arn", arn)).json.Tags;
    expect(tags).toEqual([
      { Key: "team", Value: "cli" },
      { Key: "tier", Value: "2" },
    ]);
    const domain = await aws("associate-custom-domain", "--service-arn", arn, "--domain-name", "cli.example.org", "--no-enable-www-subdomain");
    expect(domain.json.CustomDomain).toMatchObject({ DomainName: "cli.example.org", EnableWWWSubdomain: false, Status: "pending_certificate_dns_validation" });
    const asc = await aws("create-auto-scaling-configuration", "--auto-scaling-configuration-name", "cli-scale", "--max-size", "3");
    expect(asc.json.AutoScalingConfiguration).toMatchObject({ AutoScalingConfigurationRevision: 1, MaxSize: 3, Latest: true });
  });

  it("survives kill -9 of the runtime", async () => {
    await rt.kill9();
    await rt.restart();
    expect((await settledStatus(arn)).Status).toBe("RUNNING");
    await served(rt.dataPlane, url, "from-cli", 60_000);
  });

  it("deletes the service", async () => {
    const r = await aws("delete-service", "--service-arn", arn);
    expect(r.json.Service?.Status).toBe("OPERATION_IN_PROGRESS");
    expect((await settledStatus(arn)).Status).toBe("DELETED");
    expect((await getVia(rt.dataPlane, url)).status).toBe(404);
  });
});
