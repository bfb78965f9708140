// Shared by the engine's tests: a real in-memory LogSink, App Runner Service
// shapes, a temp data directory and plain HTTP calls to instances.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AppRunnerServiceShape, DeploymentReason, DeploymentRequest, Json, LogSink } from "../contracts.js";
import { createEngine, type EngineOptions } from "./engine.js";

export const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../examples");

export class MemoryLogSink implements LogSink {
  readonly events: { group: string; stream: string; message: string; timestamp: number }[] = [];
  append(group: string, stream: string, message: string, timestamp = Date.now()): void {
    this.events.push({ group, stream, message, timestamp });
  }
  text(filter: { group?: string; stream?: string } = {}): string {
    return this.events
      .filter((e) => (!filter.group || e.group === filter.group) && (!filter.stream || e.stream === filter.stream))
      .map((e) => e.message)
      .join("\n");
  }
}

export function tempDir(prefix = "runway-engine-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testEngine(overrides: Partial<EngineOptions> = {}) {
  const logs = new MemoryLogSink();
  const dataDir = overrides.dataDir ?? tempDir();
  const engine = createEngine({
    dataDir,
    logs,
    metrics: { record: () => undefined, recordBatch: () => undefined },
    drain: { waitIdle: async () => undefined },
    pollIntervalMs: 250,
    startTimeoutMs: 15_000,
    stopTimeoutMs: 3000,
    ...overrides,
  });
  return { engine, logs, dataDir };
}

export interface ShapeOptions {
  name?: string;
  repositoryUrl?: string;
  branch?: string;
  sourceDirectory?: string;
  configurationSource?: "API" | "REPOSITORY";
  values?: { [key: string]: Json };
  autoDeploy?: boolean;
  healthCheck?: { [key: string]: Json };
  image?: { [key: string]: Json };
}

export function serviceShape(o: ShapeOptions = {}): AppRunnerServiceShape {
  const id = randomBytes(16).toString("hex");
  const name = o.name ?? "svc";
  const source: { [key: string]: Json } = o.image
    ? { ImageRepository: o.image, AutoDeploymentsEnabled: false }
    : {
        CodeRepository: {
          RepositoryUrl: o.repositoryUrl ?? path.join(EXAMPLES, "node-hello"),
          SourceCodeVersion: { Type: "BRANCH", Value: o.branch ?? "main" },
          ...(o.sourceDirectory ? { SourceDirectory: o.sourceDirectory } : {}),
          CodeConfiguration: {
            ConfigurationSource: o.configurationSource ?? "API",
            ...(o.configurationSource === "REPOSITORY"
              ? {}
              : { CodeConfigurationValues: o.values ?? { Runtime: "NODEJS_22", StartCommand: "node server.js", Port: "8080" } }),
          },
        },
        AutoDeploymentsEnabled: o.autoDeploy ?? false,
      };
  return {
    ServiceName: name,
    ServiceId: id,
    ServiceArn: `arn:aws:apprunner:us-east-1:000000000000:service/${name}/${id}`,
    ServiceUrl: `${name}.${id}.localhost:4581`,
    Status: "OPERATION_IN_PROGRESS",
    SourceConfiguration: source,
    HealthCheckConfiguration: o.healthCheck ?? { Protocol: "TCP", Interval: 5, Timeout: 2, HealthyThreshold: 1, UnhealthyThreshold: 5 },
  };
}

let opCounter = 0;
export function request(service: AppRunnerServiceShape, reason: DeploymentReason = "create", minSize = 1, maxSize = 5): DeploymentRequest {
  opCounter++;
  return {
    operationId: `${randomBytes(12).toString("hex")}${String(opCounter).padStart(8, "0")}`,
    reason,
    service,
    scaling: { minSize, maxSize, maxConcurrency: 100 },
  };
}

export function get(port: number, urlPath = "/", timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, agent: false, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" },
  }).trim();
}
