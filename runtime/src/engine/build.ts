// One build per deployment: fetch the source into builds/<operationId>/,
// resolve its configuration, run the build commands with their output in the
// deployment log. Image services only check that a container engine is there.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { DeploymentRequest } from "../contracts.js";
import { apiConfig, codeSourceOf, ConfigError, healthCheckOf, imageConfig, repositoryConfig, usesPip } from "./app-config.js";
import { parseCommand } from "./command-line.js";
import { handOver } from "./app-isolation.js";
import { checkContainerEngine, noEngineMessage } from "./container-engine.js";
import type { EngineStore, Release } from "./engine-store.js";
import { baseEnv, CommandError, runStep, venvEnv, type ProcessScope } from "./process-tools.js";
import type { ServiceLog } from "./service-log.js";
import { fetchSource, SourceError } from "./source-fetch.js";

/** A failure with a one-line, user-facing reason. */
export class DeployError extends Error {
  override name = "DeployError";
}

export interface BuildOptions {
  store: EngineStore;
  log: ServiceLog;
  buildTimeoutMs: number;
  /** Aborted at runtime shutdown: running build commands are killed. */
  signal: AbortSignal;
  scope: ProcessScope;
}

export async function buildRelease(req: DeploymentRequest, opts: BuildOptions): Promise<Release> {
  const { service, operationId } = req;
  const { store, log } = opts;
  const say = (m: string) => log.deployment(operationId, m);
  const milestone = (m: string) => log.milestone(operationId, m);
  const buildDir = store.buildDir(service.ServiceId, operationId);
  await mkdir(buildDir, { recursive: true });
  const relative = (p: string) => path.relative(store.serviceAppsDir(service.ServiceId), p);
  const healthCheck = healthCheckOf(service);

  if (service.SourceConfiguration.ImageRepository) {
    let run;
    try {
      run = imageConfig(service, healthCheck);
    } catch (err) {
      throw new DeployError((err as Error).message);
    }
    say(`[AppRunner] Deployment Artifact :- Repo Type: Image; Image: ${run.image}`);
    const engine = await checkContainerEngine();
    if (!engine.ok) throw new DeployError(noEngineMessage(engine));
    milestone(`[AppRunner] Container engine reachable at ${engine.checked}. Pulling image ${run.image}.`);
    try {
      await runStep({ env: {}, argv: ["docker", "pull", run.image] }, { cwd: buildDir, env: baseEnv(), scope: opts.scope, app: false, what: "image pull", timeoutMs: opts.buildTimeoutMs, signal: opts.signal, onLine: (l) => say(`[Pull] ${l}`) });
    } catch (err) {
      if (err instanceof CommandError) throw new DeployError(`Failed to pull image ${run.image}: ${err.message}`);
      throw err;
    }
    return { buildId: operationId, deploymentId: operationId, appDir: relative(buildDir), run, builtAt: Date.now() };
  }

  const code = codeSourceOf(service);
  if (!code) throw new DeployError("SourceConfiguration needs a CodeRepository or an ImageRepository");
  say(`[AppRunner] Deployment Artifact :- Repo Type: Local; Repository: ${code.repositoryUrl}; Branch: ${code.branch ?? "(none)"}; SourceDirectory: ${code.sourceDirectory ?? "/"}`);
  say("[AppRunner] Pulling your application source code.");
  let fetched;
  try {
    fetched = await fetchSource({
      repositoryUrl: code.repositoryUrl,
      branch: code.branch,
      sourceDirectory: code.sourceDirectory,
      dest: path.join(buildDir, "source"),
      exclude: [store.dataDir, store.appsDir],
      scope: opts.scope,
    });
  } catch (err) {
    if (err instanceof SourceError) throw new DeployError(`Failed to pull your application source code: ${err.message}`);
    throw err;
  }
  milestone(`[AppRunner] Successfully pulled your application source code (${fetched.describe}).`);
  // The build's commands run as the app user: the build folder becomes theirs (and only it).
  if (opts.scope.appUser) await handOver(buildDir, opts.scope.appUser);

  let config;
  try {
    config = code.configurationSource === "REPOSITORY" ? repositoryConfig(fetched.appDir, healthCheck) : apiConfig(code.values, healthCheck);
  } catch (err) {
    if (err instanceof ConfigError) throw new DeployError(err.message);
    throw err;
  }
  const source = code.configurationSource === "REPOSITORY" ? "apprunner.yaml" : "the API (CodeConfigurationValues)";
  say(`[AppRunner] Using configuration from ${source}: runtime ${config.run.runtime}, start command \`${config.run.startCommand}\`, port ${config.run.port}.`);

  const env = { ...baseEnv(), ...config.plan.env };
  if (config.run.runtime === "python" && usesPip(config.plan)) {
    // pip installs into this deployment's own virtualenv, not into the machine's Python.
    const venv = path.join(buildDir, "venv");
    say("[AppRunner] Creating a Python virtual environment for this build (the build uses pip).");
    try {
      await runStep({ env: {}, argv: ["python3", "-m", "venv", venv] }, { cwd: buildDir, env, scope: opts.scope, what: `build of ${service.ServiceName}`, timeoutMs: opts.buildTimeoutMs, signal: opts.signal, onLine: (l) => say(`[Build] ${l}`) });
    } catch (err) {
      if (err instanceof CommandError) throw new DeployError(`Build failed creating a virtualenv: ${err.message}`);
      throw err;
    }
    Object.assign(env, venvEnv(venv, env));
    config.run.venv = path.relative(fetched.appDir, venv);
  }
  if (config.plan.commands.length === 0) {
    say("[AppRunner] No build command configured.");
  } else {
    say("[AppRunner] Starting to build your application source code.");
    const deadline = Date.now() + opts.buildTimeoutMs;
    for (const { phase, command } of config.plan.commands) {
      for (const step of parseCommand(command)) {
        say(`[Build] [${phase}] $ ${step.argv.join(" ")}`);
        try {
          await runStep(step, {
            cwd: fetched.appDir,
            env,
            scope: opts.scope,
            what: `build of ${service.ServiceName}`,
            timeoutMs: Math.max(1000, deadline - Date.now()),
            signal: opts.signal,
            onLine: (line) => say(`[Build] ${line}`),
          });
        } catch (err) {
          if (err instanceof CommandError) throw new DeployError(`Build failed in ${phase}: ${err.message}`);
          throw err;
        }
      }
    }
    milestone("[AppRunner] Successfully built source code.");
  }
  return {
    buildId: operationId,
    deploymentId: operationId,
    appDir: relative(fetched.appDir),
    commit: fetched.commit,
    run: config.run,
    builtAt: Date.now(),
  };
}
