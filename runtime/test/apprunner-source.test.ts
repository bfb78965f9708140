// Source services end to end: a file:// git repository with automatic deployments on new commits, and the Python example.
import { CreateServiceCommand, ListOperationsCommand, ResumeServiceCommand, PauseServiceCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";
import { appRunner, EXAMPLES, getVia, served, settled, waitFor } from "./support.js";

let rt: RunningRuntime;
let client: AppRunnerClient;
const repo = mkdtempSync(path.join(os.tmpdir(), "runway-git-"));
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Runway Test", "-c", "user.email=test@runway.local", "-c", "commit.gpgsign=false", ...args], { cwd: repo, stdio: "pipe" }).toString();

function setMessage(message: string): void {
  const file = path.join(repo, "server.js");
  writeFileSync(file, readFileSync(file, "utf8").replace(/process\.env\.MESSAGE \|\| "[^"]*"/, `process.env.MESSAGE || "${message}"`));
}

beforeAll(async () => {
  cpSync(path.join(EXAMPLES, "node-hello"), repo, { recursive: true });
  git("init", "-q", "-b", "main");
  setMessage("commit one");
  git("add", ".");
  git("commit", "-q", "-m", "first");
  // Branch heads are polled every 0.5 s instead of App Runner-like 5 s: automatic deployments start sooner.
  rt = await startRuntime({ env: { RUNWAY_RUNTIME_SOURCE_POLL_SECONDS: "0.5" } });
  client = appRunner(rt.api);
});

afterAll(async () => {
  await rt?.stop();
  rmSync(repo, { recursive: true, force: true });
});

describe("source services", () => {
  it("deploys a file:// git branch and redeploys automatically on a new commit; resume keeps the deployed commit", async () => {
    const { Service } = await client.send(
      new CreateServiceCommand({
        ServiceName: "git-auto",
        SourceConfiguration: {
          CodeRepository: { RepositoryUrl: `file://${repo}`, SourceCodeVersion: { Type: "BRANCH", Value: "main" }, CodeConfiguration: { ConfigurationSource: "REPOSITORY" } },
        },
      }),
    );
    expect(Service?.SourceConfiguration?.AutoDeploymentsEnabled).toBe(true);
    const arn = Service!.ServiceArn!;
    expect((await settled(client, arn)).Status).toBe("RUNNING");
    await served(rt.dataPlane, Service!.ServiceUrl!, "commit one");

    setMessage("commit two");
    git("commit", "-q", "-am", "second");
    const committed = Date.now();
    await served(rt.dataPlane, Service!.ServiceUrl!, "commit two", 60_000);
    const autoDeployMs = Date.now() - committed;
    console.log(`new commit -> served by the automatic deployment: ${autoDeployMs} ms`);
    // Well under the 5 s default poll interval: the setting reached the engine.
    expect(autoDeployMs).toBeLessThan(3000);
    await settled(client, arn);
    const ops = (await client.send(new ListOperationsCommand({ ServiceArn: arn }))).OperationSummaryList!;
    expect(ops[0]).toMatchObject({ Type: "START_DEPLOYMENT", Status: "SUCCEEDED" });

    await client.send(new PauseServiceCommand({ ServiceArn: arn }));
    expect((await settled(client, arn)).Status).toBe("PAUSED");
    setMessage("commit three");
    git("commit", "-q", "-am", "third");
    await client.send(new ResumeServiceCommand({ ServiceArn: arn }));
    expect((await settled(client, arn)).Status).toBe("RUNNING");
    expect((await getVia(rt.dataPlane, Service!.ServiceUrl!)).body).toBe("commit two\n");
  });

  it("runs the Python example from its apprunner.yaml", async () => {
    const { Service } = await client.send(
      new CreateServiceCommand({
        ServiceName: "python-hello",
        SourceConfiguration: {
          AutoDeploymentsEnabled: false,
          CodeRepository: {
            RepositoryUrl: path.join(EXAMPLES, "python-hello"),
            SourceCodeVersion: { Type: "BRANCH", Value: "main" },
            CodeConfiguration: { ConfigurationSource: "REPOSITORY" },
          },
        },
        HealthCheckConfiguration: { Protocol: "HTTP", Path: "/health", Interval: 1, HealthyThreshold: 1 },
      }),
    );
    const s = await settled(client, Service!.ServiceArn!);
    expect(s.Status).toBe("RUNNING");
    await waitFor("python app", async () => (await getVia(rt.dataPlane, s.ServiceUrl!)).status === 200);
    expect((await getVia(rt.dataPlane, s.ServiceUrl!)).body).toContain("Hello from Runway");
  });
});
