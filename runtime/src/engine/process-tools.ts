// The one place where the engine spawns processes (spawnGroup): argument arrays only, each in its own
// process group recorded in the runtime's state, an app's own code as the unprivileged app user when the
// runtime has one; output split into lines for the log streams, typed errors that carry the command, the
// exit code and the tail of the output.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import type { Readable } from "node:stream";
import { formatArgv, mapProgram, type CommandStep } from "./command-line.js";
import type { ProcessGroups } from "./process-groups.js";

/** The unprivileged account builds and instances run as (see app-user.ts). */
export interface AppUser {
  name: string;
  uid: number;
  gid: number;
  /** A HOME it can write (npm and pip caches). */
  home: string;
}

/** Where spawned groups are recorded, and who an app's own commands run as. */
export interface ProcessScope {
  groups?: ProcessGroups;
  /** Set when the runtime drops privileges: app code (builds, start commands) runs as this user. */
  appUser?: AppUser;
}

export interface SpawnGroupOptions {
  cwd?: string;
  env: Record<string, string>;
  scope: ProcessScope;
  /** An app's own code (build and start commands): runs as the app user when there is one. */
  app: boolean;
  /** For the record of spawned groups, e.g. "build step `npm ci`". */
  what: string;
  stdio?: StdioOptions;
}

/**
 * Spawns `program` as the leader of a new process group (so the whole tree can be signalled), records the
 * group before returning, and, for app code, drops to the app user with its HOME and name.
 */
export function spawnGroup(program: string, args: string[], opts: SpawnGroupOptions): ChildProcess {
  const user = opts.app ? opts.scope.appUser : undefined;
  const env = user ? { ...opts.env, HOME: user.home, USER: user.name, LOGNAME: user.name } : opts.env;
  const child = spawn(program, args, {
    cwd: opts.cwd,
    env: processEnv(env),
    detached: true,
    stdio: opts.stdio ?? ["ignore", "pipe", "pipe"],
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  if (child.pid) {
    const pgid = child.pid;
    opts.scope.groups?.add(pgid, opts.what);
    // Once the leader is gone, whatever it left in its group goes too; then the group is forgotten.
    child.once("exit", () => {
      killGroup(pgid, "SIGKILL", true);
      opts.scope.groups?.remove(pgid);
    });
  }
  return child;
}

/** Runs a tool of the runtime's own (git, docker) to completion and returns its output. */
export function runCapture(program: string, args: string[], opts: { cwd?: string; env: Record<string, string>; scope: ProcessScope; timeoutMs: number; maxBytes?: number }): Promise<{ stdout: string; stderr: string }> {
  const max = opts.maxBytes ?? 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawnGroup(program, args, { cwd: opts.cwd, env: opts.env, scope: opts.scope, app: false, what: formatArgv([program, ...args]) });
    } catch (err) {
      reject(err);
      return;
    }
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (c: string) => (stdout = (stdout + c).slice(-max)));
    child.stderr?.setEncoding("utf8").on("data", (c: string) => (stderr = (stderr + c).slice(-max)));
    const timer = setTimeout(() => killGroup(child.pid, "SIGKILL"), opts.timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ stdout, stderr });
      reject(Object.assign(new Error(`${program} ${code !== null ? `exited with code ${code}` : `was killed by ${signal}`}`), { code, stderr, stdout }));
    });
  });
}

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
  scope: ProcessScope;
  /** For the record of spawned groups. */
  what: string;
  /** An app's own command (the default): runs as the app user when there is one. */
  app?: boolean;
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
      child = spawnGroup(mapProgram(program!), args, { cwd: opts.cwd, env: { ...opts.env, ...step.env }, scope: opts.scope, app: opts.app ?? true, what: `${opts.what} \`${display}\`` });
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

/** Signals a whole process group (children are spawned detached, so pid = pgid); `groupOnly` never falls back to the pid. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals, groupOnly = false): boolean {
  if (!pid) return false;
  try {
    process.kill(-Math.abs(pid), signal);
    return true;
  } catch {
    if (groupOnly) return false;
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
