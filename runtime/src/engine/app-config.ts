// Turns the App Runner Service shape (and, for ConfigurationSource REPOSITORY,
// the repository's apprunner.yaml) into what the engine runs: build commands,
// the start command, port, environment and health check.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { AppRunnerServiceShape, Json } from "../contracts.js";
import { parseCommand, CommandSyntaxError, type CommandStep } from "./command-line.js";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface HealthCheck {
  protocol: "TCP" | "HTTP";
  path: string;
  intervalMs: number;
  timeoutMs: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
}

export interface ProcessRunConfig {
  kind: "process";
  runtime: "nodejs" | "python";
  startCommand: string;
  start: CommandStep[];
  /** Port the service owner configured (App Runner's PORT); instances get a free local port instead. */
  port: number;
  /** apprunner.yaml run.network.env: another variable that receives the port. */
  portEnvName?: string;
  env: Record<string, string>;
  healthCheck: HealthCheck;
  /** Python builds that use pip get a virtualenv of their own; path relative to the app directory. */
  venv?: string;
}

export interface ImageRunConfig {
  kind: "image";
  image: string;
  port: number;
  startArgs: string[];
  env: Record<string, string>;
  healthCheck: HealthCheck;
}

export type RunConfig = ProcessRunConfig | ImageRunConfig;

export interface BuildPlan {
  commands: { phase: string; command: string }[];
  env: Record<string, string>;
}

type JsonObject = { [key: string]: Json };

const obj = (v: Json | undefined): JsonObject | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? v : undefined;
const str = (v: Json | undefined): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const num = (v: Json | undefined, fallback: number): number => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

export function healthCheckOf(service: AppRunnerServiceShape): HealthCheck {
  const h = obj(service.HealthCheckConfiguration) ?? {};
  return {
    protocol: str(h.Protocol) === "HTTP" ? "HTTP" : "TCP",
    path: str(h.Path) || "/",
    intervalMs: num(h.Interval, 5) * 1000,
    timeoutMs: num(h.Timeout, 2) * 1000,
    healthyThreshold: Math.max(1, num(h.HealthyThreshold, 1)),
    unhealthyThreshold: Math.max(1, num(h.UnhealthyThreshold, 5)),
  };
}

export interface CodeSource {
  repositoryUrl: string;
  branch: string | undefined;
  sourceDirectory: string | undefined;
  configurationSource: "API" | "REPOSITORY";
  values: JsonObject;
}

export function codeSourceOf(service: AppRunnerServiceShape): CodeSource | undefined {
  const repo = obj(service.SourceConfiguration.CodeRepository);
  if (!repo) return undefined;
  const code = obj(repo.CodeConfiguration) ?? {};
  return {
    repositoryUrl: str(repo.RepositoryUrl) ?? "",
    branch: str(obj(repo.SourceCodeVersion)?.Value),
    sourceDirectory: str(repo.SourceDirectory),
    configurationSource: str(code.ConfigurationSource) === "REPOSITORY" ? "REPOSITORY" : "API",
    values: obj(code.CodeConfigurationValues) ?? {},
  };
}

export function autoDeploymentsEnabled(service: AppRunnerServiceShape): boolean {
  return service.SourceConfiguration.AutoDeploymentsEnabled !== false;
}

function parsePort(value: string | undefined, where: string): number {
  if (value === undefined || value === "") return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`${where}: port must be 1-65535, got '${value}'`);
  return port;
}

function commandSteps(command: string, where: string): CommandStep[] {
  try {
    return parseCommand(command);
  } catch (err) {
    if (err instanceof CommandSyntaxError) throw new ConfigError(`${where}: ${err.message}`);
    throw err;
  }
}

function stringMap(v: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(obj(v) ?? {})) {
    const s = str(value);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

function runtimeFamily(runtime: string, where: string): "nodejs" | "python" {
  const r = runtime.toLowerCase().replace(/[_.-]/g, "");
  if (/^nodejs\d*$/.test(r)) return "nodejs";
  if (/^python3\d*$/.test(r)) return "python";
  throw new ConfigError(`${where}: runtime '${runtime}' is not available in the local runtime (supported: Node.js and Python 3 runtimes)`);
}

/** ConfigurationSource API: CodeConfigurationValues. */
export function apiConfig(values: JsonObject, healthCheck: HealthCheck): { plan: BuildPlan; run: ProcessRunConfig } {
  const where = "CodeConfigurationValues";
  const runtime = runtimeFamily(str(values.Runtime) ?? "", `${where}.Runtime`);
  const build = str(values.BuildCommand)?.trim();
  let startCommand = str(values.StartCommand)?.trim();
  if (!startCommand) {
    if (runtime === "python") throw new ConfigError(`${where}.StartCommand is required for a Python runtime`);
    startCommand = "npm start";
  }
  const env = { ...stringMap(values.RuntimeEnvironmentVariables), ...stringMap(values.RuntimeEnvironmentSecrets) };
  if (build) commandSteps(build, `${where}.BuildCommand`);
  return {
    plan: { commands: build ? [{ phase: "build", command: build }] : [], env: {} },
    run: {
      kind: "process",
      runtime,
      startCommand,
      start: commandSteps(startCommand, `${where}.StartCommand`),
      port: parsePort(str(values.Port), `${where}.Port`),
      env,
      healthCheck,
    },
  };
}

function yamlList(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number")) return v.map(String);
  throw new ConfigError(`apprunner.yaml: ${where} must be a list of commands`);
}

function yamlEnv(v: unknown, where: string, valueKey: "value" | "value-from"): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!Array.isArray(v)) throw new ConfigError(`apprunner.yaml: ${where} must be a list of name/${valueKey} entries`);
  const out: Record<string, string> = {};
  for (const entry of v) {
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e.name !== "string" || e[valueKey] === undefined || e[valueKey] === null) {
      throw new ConfigError(`apprunner.yaml: each entry of ${where} needs 'name' and '${valueKey}'`);
    }
    out[e.name] = String(e[valueKey]);
  }
  return out;
}

/** ConfigurationSource REPOSITORY: apprunner.yaml in the source directory, App Runner's format. */
export function repositoryConfig(appDir: string, healthCheck: HealthCheck): { plan: BuildPlan; run: ProcessRunConfig } {
  const file = path.join(appDir, "apprunner.yaml");
  if (!existsSync(file)) {
    throw new ConfigError("Configuration file apprunner.yaml not found in the source directory (ConfigurationSource is REPOSITORY)");
  }
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(`apprunner.yaml is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const d = (doc ?? {}) as Record<string, unknown>;
  if (typeof d !== "object" || Array.isArray(d)) throw new ConfigError("apprunner.yaml must be a mapping");
  if (d.version === undefined || !["1", "1.0"].includes(String(d.version))) {
    throw new ConfigError(`apprunner.yaml: version must be 1.0, got '${String(d.version ?? "")}'`);
  }
  if (typeof d.runtime !== "string") throw new ConfigError("apprunner.yaml: runtime is required (e.g. nodejs22, python311)");
  const runtime = runtimeFamily(d.runtime, "apprunner.yaml");
  const build = (d.build ?? {}) as Record<string, unknown>;
  const commands = (build.commands ?? {}) as Record<string, unknown>;
  const run = (d.run ?? {}) as Record<string, unknown>;
  const network = (run.network ?? {}) as Record<string, unknown>;
  const plan: BuildPlan = {
    commands: [
      ...yamlList(commands["pre-build"], "build.commands.pre-build").map((c) => ({ phase: "pre-build", command: c })),
      ...yamlList(commands.build, "build.commands.build").map((c) => ({ phase: "build", command: c })),
      ...yamlList(commands["post-build"], "build.commands.post-build").map((c) => ({ phase: "post-build", command: c })),
      // Revised-build runtimes run pre-run in the run image; here it runs once per deployment, after the build.
      ...yamlList(run["pre-run"], "run.pre-run").map((c) => ({ phase: "pre-run", command: c })),
    ],
    env: yamlEnv(build.env, "build.env", "value"),
  };
  for (const c of plan.commands) commandSteps(c.command, `apprunner.yaml ${c.phase}`);
  if (typeof run.command !== "string" || !run.command.trim()) throw new ConfigError("apprunner.yaml: run.command is required");
  const portEnvName = typeof network.env === "string" && network.env ? network.env : undefined;
  return {
    plan,
    run: {
      kind: "process",
      runtime,
      startCommand: run.command.trim(),
      start: commandSteps(run.command.trim(), "apprunner.yaml run.command"),
      port: parsePort(network.port === undefined ? undefined : String(network.port), "apprunner.yaml run.network.port"),
      portEnvName,
      // Secrets' value-from is used as the value: the local runtime has no secret store.
      env: { ...yamlEnv(run.env, "run.env", "value"), ...yamlEnv(run.secrets, "run.secrets", "value-from") },
      healthCheck,
    },
  };
}

export function imageConfig(service: AppRunnerServiceShape, healthCheck: HealthCheck): ImageRunConfig {
  const repo = obj(service.SourceConfiguration.ImageRepository) ?? {};
  const conf = obj(repo.ImageConfiguration) ?? {};
  const image = str(repo.ImageIdentifier);
  if (!image) throw new ConfigError("ImageRepository.ImageIdentifier is required");
  const start = str(conf.StartCommand)?.trim();
  const steps = start ? commandSteps(start, "ImageConfiguration.StartCommand") : [];
  if (steps.length > 1) throw new ConfigError("ImageConfiguration.StartCommand: '&&' chains are not supported for images");
  return {
    kind: "image",
    image,
    port: parsePort(str(conf.Port), "ImageConfiguration.Port"),
    startArgs: steps[0]?.argv ?? [],
    env: { ...stringMap(conf.RuntimeEnvironmentVariables), ...stringMap(conf.RuntimeEnvironmentSecrets) },
    healthCheck,
  };
}

/** A build command runs pip (`pip install`, `pip3 ...`, `python3 -m pip ...`). */
export function usesPip(plan: BuildPlan): boolean {
  return plan.commands.some(({ command }) =>
    parseCommand(command).some(({ argv }) => {
      const program = path.basename(argv[0] ?? "");
      return /^pip(3(\.\d+)?)?$/.test(program) || (/^python(3(\.\d+)?)?$/.test(program) && argv[1] === "-m" && argv[2] === "pip");
    }),
  );
}
