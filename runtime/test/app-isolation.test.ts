// An app on the runtime is untrusted code. It builds and runs from its own folder (a CommonJS app with no
// package.json works even when the runtime's folders sit inside this ESM project), and, with the runtime as
// root, as an unprivileged user that can read neither the console's data, nor the runtime's state, nor the
// runtime's environment through /proc.
import { CreateServiceCommand } from "@aws-sdk/client-apprunner";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, startRuntime, type RunningRuntime } from "./start-runtime.js";
import { appRunner, getVia, serviceEvents, settled, waitFor } from "./support.js";

const root = process.getuid?.() === 0;
// Inside the project on purpose, like the default `data/runtime`: Node would find the project's package.json.
const base = path.join(REPO_ROOT, "tmp", `isolation-${process.pid}-${Date.now()}`);
const consoleData = path.join(base, "data");
const source = path.join(base, "probe-app");
let rt: RunningRuntime;

// What the app tries, reported as JSON: each path read, and who it runs as.
const server = `const http = require("node:http");
const fs = require("node:fs");
const targets = JSON.parse(process.env.PROBE_TARGETS);
http.createServer((req, res) => {
  const out = { uid: process.getuid(), reads: {} };
  for (const t of targets) {
    try {
      if (fs.statSync(t).isDirectory()) fs.readdirSync(t); else fs.readFileSync(t);
      out.reads[t] = "read";
    } catch (err) {
      out.reads[t] = err.code;
    }
  }
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(out));
}).listen(Number(process.env.PORT), "127.0.0.1");
`;

beforeAll(async () => {
  // The console's data folder as lib/env.ts makes it: 0700, with its key and database.
  mkdirSync(base, { recursive: true, mode: 0o755 });
  // The app user must be able to pass through to the builds (the runtime refuses to start otherwise).
  chmodSync(path.dirname(base), 0o755);
  mkdirSync(consoleData, { mode: 0o700 });
  chmodSync(consoleData, 0o700);
  writeFileSync(path.join(consoleData, "secret.key"), "c2VjcmV0", { mode: 0o600 });
  writeFileSync(path.join(consoleData, "runway.db"), "SQLite format 3\0", { mode: 0o600 });
  mkdirSync(source, { recursive: true });
  writeFileSync(path.join(source, "server.js"), server);
  rt = await startRuntime({
    dataDir: path.join(consoleData, "runtime"),
    // Builds inside the project too, outside the console's folder.
    env: { RUNWAY_RUNTIME_APPS_DIR: path.join(base, "apps"), RUNWAY_RUNTIME_ACCESS_KEYS: "AKIDTEST:secret" },
  });
});

afterAll(async () => {
  await rt?.stop();
  if (!process.env.KEEP_ISOLATION) rmSync(base, { recursive: true, force: true });
});

describe("apps kept away from the host and the console", () => {
  it("runs a CommonJS app without a package.json, as a user that cannot read the console's or the runtime's secrets", async () => {
    const targets = [
      path.join(consoleData, "secret.key"),
      path.join(consoleData, "runway.db"),
      rt.dataDir,
      path.join(rt.dataDir, "apprunner"),
      `/proc/${rt.pid}/environ`,
    ];
    const client = appRunner(rt.api);
    const { Service: created } = await client.send(
      new CreateServiceCommand({
        ServiceName: "probe",
        SourceConfiguration: {
          AutoDeploymentsEnabled: false,
          CodeRepository: {
            RepositoryUrl: source,
            SourceCodeVersion: { Type: "BRANCH", Value: "main" },
            CodeConfiguration: {
              ConfigurationSource: "API",
              CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "node server.js", Port: "8080", RuntimeEnvironmentVariables: { PROBE_TARGETS: JSON.stringify(targets) } },
            },
          },
        },
      }),
    );
    const svc = await settled(client, created!.ServiceArn!);
    expect(svc.Status, `${rt.logs()}\n${await serviceEvents(rt.api, svc)}`).toBe("RUNNING");
    const body = await waitFor("the probe to answer", async () => {
      const r = await getVia(rt.dataPlane, svc.ServiceUrl!);
      return r.status === 200 ? r.body : undefined;
    });
    const report = JSON.parse(body) as { uid: number; reads: Record<string, string> };
    if (!root) {
      // Nobody to drop to: the runtime says so at start-up instead of pretending.
      expect(rt.logs()).toMatch(/not running as root: cannot drop privileges/);
      return;
    }
    expect(report.uid).not.toBe(0);
    for (const t of targets) expect(report.reads[t], t).toBe("EACCES");
    expect(rt.logs()).toMatch(/isolation: builds and instances run as \S+ \(uid \d+\)/);
  }, 180_000);
});
