// The one place where the engine spawns processes: argument arrays only,
// output split into lines for the log streams, typed errors that carry the
// command, the exit code and the tail of the output.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import type { Readable } from "node:stream";
import { formatArgv, mapProgram, type CommandStep } from "./command-line.js";

export class CommandError extends Error {
  constructor(
    message: string,
    readonly command: string,
    readonly exitCode: number | null,
    readonly tail: string[],
  ) {
    super(message);
    this.name = "CommandError";
  }
}

/** Keeps the last lines written by a process, for failure messages. */
export class LineTail {
  private readonly lines: string[] = [];
  constructor(private readonly max = 20) {}
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
  get all(): string[] {
    return [...this.lines];
  }
  get last(): string | undefined {
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i]!.trim()) return this.lines[i];
    return undefined;
  }
}

/** Calls onLine for each line of a stream (a trailing partial line is flushed at end). */
export function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let buffered = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf("\n")) !== -1) {
      onLine(buffered.slice(0, nl).replace(/\r$/, ""));
      buffered = buffered.slice(nl + 1);
    }
    // A process that never ends its line must not grow memory without bound.
    if (buffered.length > 64 * 1024) {
      onLine(buffered);
      buffered = "";
    }
  });
  stream.on("end", () => {
    if (buffered) onLine(buffered);
    buffered = "";
  });
  stream.on("error", () => undefined);
}

/** Human-readable reason for a spawn error such as ENOENT. */
export function spawnErrorReason(err: NodeJS.ErrnoException, program: string): string {
  if (err.code === "ENOENT") return `command not found: ${program}`;
  if (err.code === "EACCES") return `permission denied: ${program}`;
  return `cannot start ${program}: ${err.message}`;
}

export interface RunStepOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  onLine: (line: string) => void;
  /** Aborting kills the step's process group (runtime shutdown). */
  signal?: AbortSignal;
}

/** Runs one command step to completion; rejects with CommandError on failure. */
export function runStep(step: CommandStep, opts: RunStepOptions): Promise<void> {
  const [program, ...args] = step.argv;
  const display = formatArgv(step.argv);
  const tail = new LineTail();
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(mapProgram(program!), args, {
        cwd: opts.cwd,
        env: processEnv({ ...opts.env, ...step.env }),
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (err) {
      reject(new CommandError(spawnErrorReason(err as NodeJS.ErrnoException, program!), display, null, []));
      return;
    }
    const onLine = (line: string) => {
      tail.push(line);
      opts.onLine(line);
    };
    forEachLine(child.stdout, onLine);
    forEachLine(child.stderr, onLine);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, "SIGKILL");
    }, opts.timeoutMs);
    let aborted = false;
    const abort = () => {
      aborted = true;
      killGroup(child.pid, "SIGKILL");
    };
    if (opts.signal?.aborted) abort();
    opts.signal?.addEventListener("abort", abort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", abort);
    };
    child.on("error", (err) => {
      cleanup();
      reject(new CommandError(spawnErrorReason(err, program!), display, null, tail.all));
    });
    child.on("close", (code, signal) => {
      cleanup();
      if (code === 0 && !aborted) return resolve();
      const why = aborted
        ? "was stopped: the runtime is shutting down"
        : timedOut
        ? `timed out after ${Math.round(opts.timeoutMs / 1000)} s`
        : code !== null
          ? `exited with code ${code}`
          : `was killed by ${signal}`;
      const last = tail.last;
      reject(new CommandError(`\`${display}\` ${why}${last ? `: ${last}` : ""}`, display, code, tail.all));
    });
  });
}

/** Signals a whole process group (children are spawned detached, so pid = pgid). */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): boolean {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

/** Start time of a process in clock ticks since boot (/proc/<pid>/stat field 22), or undefined. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19];
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A free loopback TCP port: listen on 0, read it back, close. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits for `promise` at most `ms`; true when it settled in time. The timer is cleared either way. */
export async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Variables of the runtime's own environment that apps and builds inherit; the rest (keys, npm_*) stay private. */
const INHERITED = ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "PYENV_ROOT", "PYENV_VERSION", "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS", "DOCKER_HOST"];

export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  env.PATH ??= "/usr/local/bin:/usr/bin:/bin";
  return env;
}

/** Node's ProcessEnv type (augmented by Next's types to require NODE_ENV) for a plain variable map. */
export function processEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return env as NodeJS.ProcessEnv;
}

/** Variables that activate a Python virtualenv (what `source venv/bin/activate` sets). */
export function venvEnv(venv: string, env: Record<string, string>): Record<string, string> {
  return { VIRTUAL_ENV: venv, PATH: `${venv}/bin:${env.PATH ?? ""}` };
}
