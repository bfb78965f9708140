// A real local runtime for integration tests: its own data dir, ephemeral ports, stopped with
// SIGTERM (so it stops its app instances) and its data removed.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface TestRuntime {
  api: string;
  /** the data plane's base URL, e.g. http://127.0.0.1:<port> */
  dataPlane: string;
  dataPort: number;
  /** SDK client config for this runtime */
  config: { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, "../..");

export async function startTestRuntime(name: string): Promise<TestRuntime> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `runway-${name}-`));
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["runtime/src/main.ts"], {
    cwd: root,
    env: { ...process.env, RUNWAY_RUNTIME_API_PORT: "0", RUNWAY_RUNTIME_DATA_PORT: "0", RUNWAY_RUNTIME_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ready = await new Promise<{ api: string; dataPlane: string }>((resolve, reject) => {
    let buf = "";
    let err = "";
    child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    child.stdout?.on("data", (c: Buffer) => {
      buf += c.toString();
      const line = buf.split("\n").find((l) => l.includes('"ready"'));
      if (line) resolve(JSON.parse(line) as { api: string; dataPlane: string });
    });
    child.on("exit", (code) => reject(new Error(`runtime exited ${code}: ${err.slice(-1500)}`)));
  });
  return {
    api: ready.api,
    dataPlane: ready.dataPlane,
    dataPort: Number(new URL(ready.dataPlane).port),
    config: { region: "us-east-1", endpoint: ready.api, credentials: { accessKeyId: "runway", secretAccessKey: "runway-secret" } },
    async stop() {
      if (child.exitCode === null) await new Promise((r) => (child.once("exit", r), child.kill("SIGTERM")));
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
