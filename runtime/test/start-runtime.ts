/**
 * Test helper: runs the real runtime (`node --import tsx runtime/src/main.ts`) as a child process.
 *
 *   const rt = await startRuntime();            // ephemeral ports, fresh temp data dir
 *   rt.api        // "http://127.0.0.1:<port>"  App Runner / CloudWatch / Logs endpoint
 *   rt.dataPlane  // "http://127.0.0.1:<port>"  routes by Host header (ServiceUrl host)
 *   rt.dataDir    // the data directory
 *   await rt.kill9();    // SIGKILL, as a crash would
 *   await rt.restart();  // start again on the same data dir and the same ports; `rt` is updated in place
 *   await rt.stop();     // SIGTERM (instances are stopped), then removes the temp data dir unless keepDataDir
 *   rt.logs()            // the runtime's stderr so far, for failure messages
 *
 * Options: `dataDir` (reuse a directory), `env` (e.g. RUNWAY_RUNTIME_ACCESS_KEYS), `args` (extra flags),
 * `readyTimeoutMs` (default 60 s; two-core machines compile TypeScript slowly), `keepDataDir`.
 * Every child still alive when the test process exits is SIGKILLed, so a failing test leaks nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MAIN = path.join(REPO_ROOT, "runtime", "src", "main.ts");

export interface StartOptions {
  dataDir?: string;
  env?: Record<string, string>;
  args?: string[];
  readyTimeoutMs?: number;
  keepDataDir?: boolean;
}

export interface RunningRuntime {
  api: string;
  dataPlane: string;
  dataDir: string;
  /** Where builds live: inside dataDir, or (runtime as root) a folder of their own. */
  appsDir: string;
  apiPort: number;
  dataPort: number;
  pid: number;
  /** SIGTERM and wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait for exit. */
  kill9(): Promise<void>;
  /** Starts the runtime again on the same data dir and ports (stopping it first if it still runs). */
  restart(): Promise<RunningRuntime>;
  logs(): string;
}

const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export async function startRuntime(opts: StartOptions = {}): Promise<RunningRuntime> {
  const ownsDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "runway-runtime-"));
  let child: ChildProcess;
  let stderr = "";

  const launch = async (apiPort: number, dataPort: number) => {
    stderr = "";
    child = spawn(
      process.execPath,
      ["--import", "tsx", MAIN, "--api-port", String(apiPort), "--data-port", String(dataPort), "--data-dir", dataDir, ...(opts.args ?? [])],
      { cwd: REPO_ROOT, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    live.add(child);
    child.once("exit", () => live.delete(child));
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    return waitReady(child, opts.readyTimeoutMs ?? 60_000, () => stderr);
  };

  const exited = (c: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) resolve(c.exitCode);
      else c.once("exit", (code) => resolve(code));
    });

  const first = await launch(0, 0);
  const rt: RunningRuntime = {
    ...first,
    dataDir,
    pid: child!.pid ?? -1,
    async stop() {
      const c = child;
      c.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([exited(c), new Promise<null>((r) => (timer = setTimeout(() => r(null), 40_000)))]);
      clearTimeout(timer);
      if (c.exitCode === null && c.signalCode === null) {
        c.kill("SIGKILL");
        await exited(c);
      }
      if (ownsDir && !opts.keepDataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        // As root the builds live outside the data dir (see engine/app-isolation.ts).
        if (!rt.appsDir.startsWith(dataDir + path.sep)) rmSync(rt.appsDir, { recursive: true, force: true });
      }
      return code;
    },
    async kill9() {
      const c = child;
      c.kill("SIGKILL");
      await exited(c);
    },
    async restart() {
      const c = child;
      if (c.exitCode === null && c.signalCode === null) {
        c.kill("SIGTERM");
        await exited(c);
      }
      const next = await launch(rt.apiPort, rt.dataPort);
      Object.assign(rt, next, { pid: child.pid ?? -1 });
      return rt;
    },
    logs: () => stderr,
  };
  return rt;
}

function waitReady(child: ChildProcess, timeoutMs: number, logs: () => string): Promise<{ api: string; dataPlane: string; appsDir: string; apiPort: number; dataPort: number }> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`runtime not ready after ${timeoutMs} ms\n${logs()}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited (${code}) before it was ready\n${logs()}`));
    };
    child.once("exit", onExit);
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split("\n")) {
        if (!line.includes('"event":"ready"')) continue;
        const ready = JSON.parse(line) as { api: string; dataPlane: string; appsDir: string };
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve({ api: ready.api, dataPlane: ready.dataPlane, appsDir: ready.appsDir, apiPort: Number(new URL(ready.api).port), dataPort: Number(new URL(ready.dataPlane).port) });
        return;
      }
    });
  });
}
