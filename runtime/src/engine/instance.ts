// One instance of a service: a child process (or a `docker run` of the image)
// on its own loopback port, its output in the application log group, health
// checks while it starts and while it serves.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { logGroups, logStreams, type InstanceInfo, type LogSink } from "../contracts.js";
import type { RunConfig } from "./app-config.js";
import { mapProgram } from "./command-line.js";
import { dockerRunArgs } from "./container-engine.js";
import { describeCheck, probe } from "./health-check.js";
import { safeAppend } from "./service-log.js";
import { baseEnv, venvEnv, forEachLine, freePort, killGroup, LineTail, processStartTime, runCapture, runStep, spawnErrorReason, spawnGroup, within, type ProcessScope } from "./process-tools.js";

export interface InstanceSpec {
  serviceId: string;
  serviceName: string;
  deploymentId: string;
  cwd: string;
  run: RunConfig;
  host: string;
  startTimeoutMs: number;
  stopTimeoutMs: number;
  logs: LogSink;
  scope: ProcessScope;
}

export class StartError extends Error {
  override name = "StartError";
  /** The app could not bind its port: another process took it between our check and its listen. */
  addressInUse = false;
}

const START_POLL_MS = 200;

export class Instance {
  readonly info: InstanceInfo;
  readonly containerName?: string;
  /** Start time of the process (from /proc), to recognise it after a runtime restart. */
  procStart?: string;
  /** Called once when a started instance crashes or turns unhealthy (not when it is stopped on purpose). */
  onFailure?: (reason: string) => void;
  private readonly tail = new LineTail(20);
  private child?: ChildProcess;
  private exitReason?: string;
  private readonly exited: Promise<void>;
  private markExited!: (reason: string) => void;
  private stopping = false;
  private passedStart = false;
  private monitor?: NodeJS.Timeout;

  private constructor(
    private readonly spec: InstanceSpec,
    port: number,
  ) {
    const instanceId = randomBytes(16).toString("hex");
    this.info = {
      instanceId,
      serviceId: spec.serviceId,
      deploymentId: spec.deploymentId,
      host: spec.host,
      port,
      pid: undefined,
      state: "starting",
      startedAt: Date.now(),
    };
    if (spec.run.kind === "image") this.containerName = `runway-${instanceId.slice(0, 12)}`;
    this.exited = new Promise((resolve) => {
      this.markExited = (reason) => {
        if (this.exitReason !== undefined) return;
        this.exitReason = reason;
        resolve();
      };
    });
  }

  static async create(spec: InstanceSpec): Promise<Instance> {
    return new Instance(spec, await freePort(spec.host));
  }

  get id(): string {
    return this.info.instanceId;
  }

  get hasExited(): boolean {
    return this.exitReason !== undefined;
  }

  private log(line: string): void {
    this.tail.push(line);
    safeAppend(this.spec.logs, logGroups.application(this.spec.serviceName, this.spec.serviceId), logStreams.instance(this.info.instanceId), line);
  }

  private environment(stepEnv: Record<string, string>): Record<string, string> {
    const run = this.spec.run;
    const port = String(this.info.port);
    // HOST keeps apps that honour it on loopback, like the rest of the runtime; a service's own HOST wins.
    const env: Record<string, string> = { ...baseEnv(), HOST: this.spec.host };
    if (run.kind === "process" && run.runtime === "python") env.PYTHONUNBUFFERED = "1";
    if (run.kind === "process" && run.venv) Object.assign(env, venvEnv(path.resolve(this.spec.cwd, run.venv), env));
    Object.assign(env, run.env, stepEnv, { PORT: port });
    if (run.kind === "process" && run.portEnvName) env[run.portEnvName] = port;
    return env;
  }

  /** Spawns the instance and resolves once it passes the healthy threshold; rejects with a StartError reason. */
  async start(): Promise<void> {
    const run = this.spec.run;
    // spawn reports a missing cwd as ENOENT, which would read as "command not found".
    if (!existsSync(this.spec.cwd)) throw new StartError(`The build of this deployment is missing: ${this.spec.cwd} does not exist`);
    let program: string;
    let args: string[];
    let env: Record<string, string>;
    if (run.kind === "image") {
      program = "docker";
      args = dockerRunArgs({
        containerName: this.containerName!,
        hostPort: this.info.port,
        containerPort: run.port,
        env: { ...run.env, PORT: String(run.port) },
        image: run.image,
        startArgs: run.startArgs,
      });
      env = baseEnv();
    } else {
      // Steps before the last `&&` run to completion first; the last one is the server.
      const steps = run.start;
      for (const step of steps.slice(0, -1)) {
        try {
          await runStep(step, { cwd: this.spec.cwd, env: this.environment({}), scope: this.spec.scope, what: `start pre-step of ${this.spec.serviceName}`, timeoutMs: this.spec.startTimeoutMs, onLine: (l) => this.log(l) });
        } catch (err) {
          throw new StartError(`Start command failed: ${(err as Error).message}`);
        }
      }
      if (this.stopping) throw new StartError("instance was stopped during start");
      const last = steps[steps.length - 1]!;
      program = mapProgram(last.argv[0]!);
      args = last.argv.slice(1);
      env = this.environment(last.env);
    }
    try {
      // An image's `docker run` is the runtime's own tool; a process instance is the app's code.
      this.child = spawnGroup(program, args, { cwd: this.spec.cwd, env, scope: this.spec.scope, app: run.kind !== "image", what: `instance ${this.id} of ${this.spec.serviceName}` });
    } catch (err) {
      throw new StartError(spawnErrorReason(err as NodeJS.ErrnoException, run.kind === "image" ? "docker" : run.start.at(-1)!.argv[0]!));
    }
    const child = this.child;
    this.info.pid = child.pid;
    if (child.pid) this.procStart = processStartTime(child.pid);
    forEachLine(child.stdout, (l) => this.log(l));
    forEachLine(child.stderr, (l) => this.log(l));
    child.on("error", (err) => {
      const shown = run.kind === "image" ? "docker" : run.start.at(-1)!.argv[0]!;
      this.markExited(spawnErrorReason(err, shown));
    });
    child.on("exit", (code, signal) => {
      this.info.pid = undefined;
      this.markExited(code !== null ? `exited with code ${code}` : `was killed by ${signal}`);
      if (!this.stopping && this.passedStart) {
        this.info.state = "stopped";
        this.stopMonitor();
        this.onFailure?.(`Instance ${this.id} ${this.exitReason}${this.tail.last ? `: ${this.tail.last}` : ""}`);
      }
    });
    await this.waitHealthy();
    this.passedStart = true;
  }

  private startFailure(): StartError {
    const reason = this.exitReason ?? "stopped";
    if (reason.startsWith("command not found") || reason.startsWith("permission denied") || reason.startsWith("cannot start")) {
      return new StartError(reason);
    }
    const last = this.tail.last;
    const err = new StartError(`Your application ${reason} during start${last ? `: ${last}` : ""}`);
    err.addressInUse = this.tail.all.some((l) => /EADDRINUSE|address already in use/i.test(l));
    return err;
  }

  private async waitHealthy(): Promise<void> {
    const check = this.spec.run.healthCheck;
    const deadline = Date.now() + this.spec.startTimeoutMs;
    let successes = 0;
    let lastDetail = "not checked";
    for (;;) {
      if (this.hasExited) throw this.startFailure();
      if (this.stopping) throw new StartError("instance was stopped during start");
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new StartError(
          `Health check failed on ${describeCheck(check, this.spec.run.port)} for ${Math.round(this.spec.startTimeoutMs / 1000)} s (last result: ${lastDetail}). Check that the app listens on $PORT.`,
        );
      }
      const r = await probe(this.info.host, this.info.port, { ...check, timeoutMs: Math.min(check.timeoutMs, remaining) });
      if (this.hasExited) throw this.startFailure();
      lastDetail = r.detail;
      successes = r.ok ? successes + 1 : 0;
      if (successes >= check.healthyThreshold) return;
      await within(this.exited, START_POLL_MS);
    }
  }

  /** Periodic checks while the instance serves (App Runner's interval and unhealthy threshold). */
  startMonitoring(): void {
    const check = this.spec.run.healthCheck;
    let failures = 0;
    const tick = async () => {
      if (this.stopping || this.hasExited) return;
      const r = await probe(this.info.host, this.info.port, check);
      if (this.stopping || this.hasExited) return;
      failures = r.ok ? 0 : failures + 1;
      if (failures >= check.unhealthyThreshold) {
        this.info.state = "unhealthy";
        this.onFailure?.(`Health check failed on ${describeCheck(check, this.spec.run.port)} for instance ${this.id} (${failures} consecutive failures, last: ${r.detail})`);
        return;
      }
      this.monitor = setTimeout(tick, check.intervalMs);
    };
    this.monitor = setTimeout(tick, check.intervalMs);
  }

  private stopMonitor(): void {
    if (this.monitor) clearTimeout(this.monitor);
    this.monitor = undefined;
  }

  private stopped?: Promise<void>;

  /** SIGTERM to the process group, SIGKILL after the grace period. Safe to call more than once. */
  stop(): Promise<void> {
    this.stopped ??= this.terminate();
    return this.stopped;
  }

  private async terminate(): Promise<void> {
    this.stopping = true;
    this.stopMonitor();
    const pid = this.child?.pid;
    if (!this.hasExited && pid) {
      killGroup(pid, "SIGTERM");
      if (!(await within(this.exited, this.spec.stopTimeoutMs))) {
        killGroup(pid, "SIGKILL");
        await within(this.exited, 5000);
      }
    }
    // Children the app left behind in its group (the group only: the pid itself is gone and may be reused).
    if (pid) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // no group left
      }
    }
    if (this.containerName) await removeContainer(this.containerName, this.spec.scope);
    this.info.state = "stopped";
    this.info.pid = undefined;
  }
}

export async function removeContainer(name: string, scope: ProcessScope = {}): Promise<void> {
  await runCapture("docker", ["rm", "-f", name], { env: baseEnv(), scope, timeoutMs: 15_000 }).catch(() => undefined);
}
