// After a kill -9 of the runtime, nothing it spawned survives its next start: every process group is recorded
// when it is spawned, and a restarted runtime reaps what the old one left (a build step, an instance caught in
// its start pre-step, and what they forked into their groups).
import { CreateServiceCommand } from "@aws-sdk/client-apprunner";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";
import { appRunner, waitFor } from "./support.js";

let rt: RunningRuntime;
const source = mkdtempSync(path.join(os.tmpdir(), "runway-leftover-src-"));
// Unusual durations name our sleeps among the machine's processes.
const base = 4000 + Math.floor(Math.random() * 4000);
const BUILD_SLEEP = String(base);
const FORKED_SLEEP = String(base + 1);
const PRE_STEP_SLEEP = String(base + 2);

/** Pids of `sleep <seconds>` processes. */
function sleeps(seconds: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (path.basename(argv[0] ?? "") === "sleep" && argv[1] === seconds) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function source_(name: string, build: string | undefined, start: string) {
  return {
    ServiceName: name,
    SourceConfiguration: {
      AutoDeploymentsEnabled: false,
      CodeRepository: {
        RepositoryUrl: source,
        SourceCodeVersion: { Type: "BRANCH" as const, Value: "main" },
        CodeConfiguration: {
          ConfigurationSource: "API" as const,
          CodeConfigurationValues: { Runtime: "NODEJS_22" as const, ...(build ? { BuildCommand: build } : {}), StartCommand: start, Port: "8080" },
        },
      },
    },
  };
}

beforeAll(async () => {
  writeFileSync(path.join(source, "server.js"), `require("node:http").createServer((q, s) => s.end("up")).listen(Number(process.env.PORT), "127.0.0.1");\n`);
  rt = await startRuntime({ keepDataDir: true });
});

afterAll(async () => {
  for (const s of [BUILD_SLEEP, FORKED_SLEEP, PRE_STEP_SLEEP]) for (const pid of sleeps(s)) process.kill(pid, "SIGKILL");
  await rt?.stop();
  rmSync(rt?.dataDir ?? "/nonexistent", { recursive: true, force: true });
  rmSync(rt?.appsDir ?? "/nonexistent", { recursive: true, force: true });
  rmSync(source, { recursive: true, force: true });
});

describe("processes left behind by a killed runtime", () => {
  it("reaps a running build step (and what it forked) and an instance in its start pre-step after kill -9 and restart", async () => {
    const client = appRunner(rt.api);
    // The build holds on purpose: a step that forks a second sleep into its group, then waits.
    await client.send(new CreateServiceCommand(source_("slow-build", `sh -c "sleep ${FORKED_SLEEP} & exec sleep ${BUILD_SLEEP}"`, "node server.js")));
    await client.send(new CreateServiceCommand(source_("slow-start", undefined, `sleep ${PRE_STEP_SLEEP} && node server.js`)));
    await waitFor("the build step and the start pre-step to run", async () => sleeps(BUILD_SLEEP).length === 1 && sleeps(FORKED_SLEEP).length === 1 && sleeps(PRE_STEP_SLEEP).length === 1);

    await rt.kill9();
    // kill -9 takes only the runtime: its children are in their own process groups and live on.
    expect(sleeps(BUILD_SLEEP)).toHaveLength(1);
    expect(sleeps(FORKED_SLEEP)).toHaveLength(1);
    expect(sleeps(PRE_STEP_SLEEP)).toHaveLength(1);

    await rt.restart();
    await waitFor("the restarted runtime to reap them", async () => [BUILD_SLEEP, FORKED_SLEEP, PRE_STEP_SLEEP].every((s) => sleeps(s).length === 0), 30_000);
    await waitFor("the runtime to report what it reaped", async () => /stopped 2 process group\(s\) left by the previous run/.test(rt.logs()), 10_000).catch((e: Error) => { throw new Error(`${e.message}\n${rt.logs()}`); });
  }, 120_000);
});
