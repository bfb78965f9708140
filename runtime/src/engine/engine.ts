// The runtime's engine: builds, instances, health checks and deployments of
// App Runner services as local processes. The control plane calls it; the
// data plane reads instances() and calls scaleTo(). See contracts.ts.
// Deployment progress, build output and failure reasons go to the
// `deployment/<operationId>` stream, milestones (source pulled, built, health
// check result, rollback) to `events` as well; the control plane writes the
// operation's start and end lines to `events`. Instance replacements go to `events`.
import path from "node:path";
import type { DeploymentReason, DeploymentRequest, DeploymentResult, DrainHook, Engine, LogSink, MetricSink, ScalingBounds } from "../contracts.js";
import { autoDeploymentsEnabled, codeSourceOf } from "./app-config.js";
import { buildRelease, DeployError } from "./build.js";
import { EngineStore, KEEP_BUILDS, killLeftovers, type EngineRecord } from "./engine-store.js";
import { ProcessGroups } from "./process-groups.js";
import type { AppUser, ProcessScope } from "./process-tools.js";
import { ServiceRunner, type RunnerContext } from "./service-runner.js";
import { branchHead, resolveSource } from "./source-fetch.js";
import { SourceWatcher } from "./source-watcher.js";

export interface EngineOptions {
  dataDir: string;
  logs: LogSink;
  /** Accepted for the contract; CPU, memory and instance metrics are sampled by the data plane. */
  metrics: MetricSink;
  drain: DrainHook;
  /** Auto deployments: how often tracked branches are polled (default 5000 ms). */
  pollIntervalMs?: number;
  /** A starting instance that is not healthy by then fails its deployment (default 60 s). */
  startTimeoutMs?: number;
  /** All build commands of one deployment (default 10 min). */
  buildTimeoutMs?: number;
  /** SIGTERM to SIGKILL (default 10 s). */
  stopTimeoutMs?: number;
  /** How long the data plane may take to finish an instance's requests before it stops (default 30 s). */
  drainTimeoutMs?: number;
  /** Address instances are reached on (default 127.0.0.1). */
  host?: string;
  /** Builds and instances run as this user when set (the runtime runs as root and dropped privileges). */
  appUser?: AppUser;
  /** Where builds live, apart from the engine's state (default: the engine's data dir). */
  appsDir?: string;
  /** Called with a line for the runtime's own log (e.g. process groups reaped at start). */
  say?: (line: string) => void;
}

const TRIGGER: Record<DeploymentReason, string> = {
  create: "SERVICE_CREATE",
  update: "SERVICE_UPDATE",
  deploy: "MANUAL_DEPLOYMENT",
  auto: "SOURCE_CODE_UPDATE",
  resume: "SERVICE_RESUME",
  restore: "RUNTIME_RESTART",
};

export function createEngine(opts: EngineOptions): Engine {
  const store = new EngineStore(opts.dataDir, opts.appsDir);
  const groups = new ProcessGroups(path.join(opts.dataDir, "process-groups.json"));
  const scope: ProcessScope = { groups, appUser: opts.appUser };
  let shuttingDown = false;
  const stopping = new AbortController();
  const ctx: RunnerContext = {
    store,
    logs: opts.logs,
    drain: opts.drain,
    host: opts.host ?? "127.0.0.1",
    startTimeoutMs: opts.startTimeoutMs ?? 60_000,
    stopTimeoutMs: opts.stopTimeoutMs ?? 10_000,
    drainTimeoutMs: opts.drainTimeoutMs ?? 30_000,
    shuttingDown: () => shuttingDown,
    scope,
  };
  const buildTimeoutMs = opts.buildTimeoutMs ?? 600_000;
  const runners = new Map<string, ServiceRunner>();
  const locks = new Map<string, Promise<unknown>>();
  const listeners: ((serviceId: string) => void)[] = [];
  const watcher = new SourceWatcher(
    opts.pollIntervalMs ?? 5000,
    (id) => runners.get(id)?.deploying ?? false,
    (id) => {
      for (const l of listeners) {
        try {
          l(id);
        } catch {
          // a listener's failure must not stop the others
        }
      }
    },
  );

  // Instances that outlived a previous run (kill -9) are stopped before anything starts.
  const ready = (async () => {
    // Every group the previous run spawned and left behind: build steps, start pre-steps, instances, git.
    const reaped = await groups.reapLeftovers();
    if (reaped.length) opts.say?.(`stopped ${reaped.length} process group(s) left by the previous run: ${reaped.map((g) => g.what).join("; ")}`);
    for (const id of store.serviceIds()) {
      const record = store.read(id);
      if (!record) continue;
      await killLeftovers(record.instances ?? []);
      record.instances = [];
      store.write(record);
      await store.pruneBuilds(id, record.builds ?? []);
    }
  })().catch(() => undefined);

  /** One deploy/pause/remove at a time per service. */
  function exclusive<T>(serviceId: string, work: () => Promise<T>): Promise<T> {
    const previous = locks.get(serviceId) ?? Promise.resolve();
    const next = previous.then(async () => {
      await ready;
      return work();
    });
    const settled = next.catch(() => undefined);
    locks.set(serviceId, settled);
    void settled.then(() => {
      if (locks.get(serviceId) === settled) locks.delete(serviceId);
    });
    return next;
  }

  function runnerFor(req: DeploymentRequest): ServiceRunner {
    const { ServiceId: id, ServiceName: name } = req.service;
    let runner = runners.get(id);
    if (!runner) {
      const record: EngineRecord = store.read(id) ?? { serviceId: id, serviceName: name, builds: [], instances: [] };
      runner = new ServiceRunner(ctx, record);
      // Nothing runs until a rollout (deploy, resume or restore) says so.
      runner.paused = true;
      runners.set(id, runner);
    }
    runner.rename(name);
    runner.removed = false;
    runner.setScaling(req.scaling, false);
    return runner;
  }

  async function updateWatch(runner: ServiceRunner, req: DeploymentRequest, baseline: string | undefined | "head"): Promise<void> {
    const code = codeSourceOf(req.service);
    watcher.unwatch(runner.id);
    if (!code || !autoDeploymentsEnabled(req.service)) return;
    let root: string;
    try {
      const loc = resolveSource(code.repositoryUrl);
      if (!loc.git) return;
      root = loc.root;
    } catch {
      return;
    }
    const branch = code.branch || "main";
    const start = baseline === "head" ? await branchHead(root, branch).catch(() => undefined) : baseline;
    watcher.watch(runner.id, root, branch, start);
  }

  async function rolloutOrFail(
    runner: ServiceRunner,
    req: DeploymentRequest,
    produce: () => Promise<NonNullable<EngineRecord["release"]>>,
    watchBaseline: (release: NonNullable<EngineRecord["release"]>) => string | undefined | "head",
  ): Promise<DeploymentResult> {
    const op = req.operationId;
    const previous = runner.record.release;
    runner.deploying = true;
    runner.paused = false;
    runner.log.deployment(op, `[AppRunner] Deployment with ID : ${op} started. Triggering event : ${TRIGGER[req.reason]}`);
    // Called where the failure happens (before the new instances stop) and again when it reaches the catch below.
    let failureLogged = false;
    let rollbackAnnounced = false;
    const failed = (reason: string) => {
      if (failureLogged) return;
      failureLogged = true;
      runner.log.deployment(op, `[AppRunner] Deployment with ID : ${op} failed. Failure reason : ${oneLine(reason)}`);
      // The rollback starts when the deployment fails while instances of an earlier deployment still serve.
      if (!previous || !runner.instances.some((i) => i.info.deploymentId !== op)) return;
      rollbackAnnounced = true;
      try {
        req.onRollback?.(oneLine(reason));
      } catch {
        // the hook only reports progress
      }
      runner.log.milestone(op, `[AppRunner] Deployment failed. Rolling back to previous deployment ${previous.deploymentId}: its instances keep serving.`);
    };
    try {
      if (shuttingDown) throw new DeployError("The runtime is shutting down");
      const release = await produce();
      await runner.rollout(release, op, failed);
      if (!runner.record.builds.includes(release.buildId)) runner.record.builds.push(release.buildId);
      runner.record.builds = runner.record.builds.slice(-KEEP_BUILDS);
      runner.persist();
      await store.pruneBuilds(runner.id, runner.record.builds);
      await updateWatch(runner, req, watchBaseline(release));
      const version = release.commit ? `commit ${release.commit}` : undefined;
      runner.log.deployment(op, `[AppRunner] Deployment with ID : ${op} successfully completed.${version ? ` Deployed ${version}.` : ""}`);
      return version ? { ok: true, version } : { ok: true };
    } catch (err) {
      const reason = oneLine(err instanceof DeployError ? err.message : `Internal error: ${(err as Error).message}`);
      failed(reason);
      if (!rollbackAnnounced) runner.log.milestone(op, "[AppRunner] Deployment failed. No previous deployment to roll back to.");
      // With no previous instance left there is nothing to keep running (first deployment, resume, restore).
      if (runner.instances.length === 0) runner.paused = true;
      await store.pruneBuilds(runner.id, runner.record.builds).catch(() => undefined);
      return { ok: false, reason };
    } finally {
      runner.deploying = false;
      runner.reconcile();
    }
  }

  function fromLastBuild(runner: ServiceRunner, req: DeploymentRequest) {
    return async () => {
      const last = runner.record.release;
      if (!last) throw new DeployError("There is no successful deployment to start from: deploy the service first");
      return { ...last, deploymentId: req.operationId };
    };
  }

  const neverReject = (p: Promise<DeploymentResult>): Promise<DeploymentResult> =>
    p.catch((err: unknown) => ({ ok: false as const, reason: oneLine(`Internal error: ${(err as Error).message}`) }));

  return {
    deploy(req) {
      return neverReject(
        exclusive(req.service.ServiceId, () => {
          const runner = runnerFor(req);
          const log = runner.log;
          return rolloutOrFail(
            runner,
            req,
            () => buildRelease(req, { store, log, buildTimeoutMs, signal: stopping.signal, scope }),
            (release) => release.commit,
          );
        }),
      );
    },

    resume(req) {
      return neverReject(
        exclusive(req.service.ServiceId, () => {
          const runner = runnerFor(req);
          // Commits made while paused wait for the next deployment.
          return rolloutOrFail(runner, req, fromLastBuild(runner, req), () => "head");
        }),
      );
    },

    restore(req) {
      return neverReject(
        exclusive(req.service.ServiceId, async () => {
          const runner = runnerFor(req);
          await killLeftovers(runner.record.instances);
          return rolloutOrFail(runner, req, fromLastBuild(runner, req), (release) => release.commit);
        }),
      );
    },

    pause(serviceId) {
      return exclusive(serviceId, async () => {
        watcher.unwatch(serviceId);
        const runner = runners.get(serviceId);
        if (!runner) return;
        runner.paused = true;
        await runner.stopAll(ctx.drainTimeoutMs);
        runner.persist();
      }).catch(() => undefined);
    },

    remove(serviceId) {
      return exclusive(serviceId, async () => {
        watcher.unwatch(serviceId);
        const runner = runners.get(serviceId);
        if (runner) {
          runner.removed = true;
          await runner.stopAll(Math.min(ctx.drainTimeoutMs, 5000));
          runners.delete(serviceId);
        } else {
          await killLeftovers(store.read(serviceId)?.instances ?? []);
        }
        await store.removeService(serviceId);
      }).catch(() => undefined);
    },

    setScaling(serviceId: string, scaling: ScalingBounds) {
      runners.get(serviceId)?.setScaling(scaling);
    },

    scaleTo(serviceId, desired) {
      runners.get(serviceId)?.scaleTo(desired);
    },

    instances(serviceId) {
      return runners.get(serviceId)?.list() ?? [];
    },

    onSourceChanged(listener) {
      listeners.push(listener);
    },

    async shutdown() {
      shuttingDown = true;
      stopping.abort();
      watcher.stop();
      await ready;
      await Promise.all(
        [...runners.values()].map(async (runner) => {
          await runner.stopAll(0);
          runner.persist();
        }),
      );
    },
  };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").slice(0, 1000);
}
