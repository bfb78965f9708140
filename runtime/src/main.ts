// The Runway runtime: App Runner, CloudWatch and CloudWatch Logs APIs on one listener, apps behind a data plane.
// Prints one JSON "ready" line on stdout once both listeners are up; everything else goes to stderr.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createAppRunnerApi } from "./apprunner/apprunner-api.js";
import { ControlPlane } from "./apprunner/control-plane.js";
import { recover, watchSourceChanges } from "./apprunner/recovery.js";
import { createCloudWatchApi } from "./cloudwatch/cloudwatch-api.js";
import { MetricStore } from "./cloudwatch/metric-store.js";
import { ConfigError, loadConfig, usage } from "./config.js";
import type { DrainHook } from "./contracts.js";
import { createDataPlane, dataPlaneSettings, type DataPlane } from "./dataplane/data-plane.js";
import { MemoryRouteTable } from "./dataplane/route-table.js";
import { prepareIsolation } from "./engine/app-isolation.js";
import { createEngine } from "./engine/engine.js";
import { createApiServer } from "./http/api-server.js";
import { createLogsApi } from "./logs/logs-api.js";
import { LogStore } from "./logs/log-store.js";

const log = (message: string) => process.stderr.write(`[runtime] ${message}\n`);

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const config = loadConfig(process.argv.slice(2), process.env);
  mkdirSync(config.dataDir, { recursive: true });
  // Before anything is spawned or written: who apps run as, where their builds live, the state closed to them.
  const isolation = await prepareIsolation({ dataDir: config.dataDir, appsDir: config.appsDir });
  log(`isolation: ${isolation.notice}`);

  const logs = new LogStore({ dir: path.join(config.dataDir, "logs") });
  const metrics = new MetricStore({ dir: path.join(config.dataDir, "metrics") });
  const routes = new MemoryRouteTable();
  // The engine needs the data plane's drain hook and the data plane needs the engine: bind the hook late.
  const drain: DrainHook = { waitIdle: (id, timeoutMs) => dataPlane.drain.waitIdle(id, timeoutMs) };
  const engine = createEngine({
    dataDir: path.join(config.dataDir, "engine"),
    logs,
    metrics,
    drain,
    startTimeoutMs: config.startTimeoutSeconds * 1000,
    say: log,
    appUser: isolation.appUser,
    appsDir: path.join(isolation.appsDir, "engine"),
    pollIntervalMs: config.sourcePollSeconds * 1000,
  });
  const dataPlane: DataPlane = createDataPlane({ routes, engine, metrics, logs, host: config.host, port: config.dataPort, settings: dataPlaneSettings(config) });
  const dataPort = await dataPlane.listen();

  const controlPlane = new ControlPlane({
    dataDir: path.join(config.dataDir, "apprunner"),
    accountId: config.accountId,
    dataPlanePort: dataPort,
    domainActivationSeconds: config.domainActivationSeconds,
    engine,
    routes,
    logs,
  });
  recover(controlPlane);
  watchSourceChanges(controlPlane);

  const api = createApiServer({
    host: config.host,
    port: config.apiPort,
    accessKeys: config.accessKeys,
    maxConnections: config.apiMaxConnections,
    handlers: [createAppRunnerApi(controlPlane), createCloudWatchApi(metrics), createLogsApi(logs, { accountId: config.accountId })],
  });
  const apiPort = await api.listen();

  const hostForUrl = config.host.includes(":") ? `[${config.host}]` : config.host;
  process.stdout.write(
    `${JSON.stringify({ event: "ready", api: `http://${hostForUrl}:${apiPort}`, dataPlane: `http://${hostForUrl}:${dataPort}`, dataDir: config.dataDir, appsDir: isolation.appsDir })}\n`,
  );
  if (config.accessKeys.size > 0) log(`SigV4 verification on for ${config.accessKeys.size} access key(s)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping instances`);
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    controlPlane.close();
    await api.close().catch(() => undefined);
    await engine.shutdown().catch((err: unknown) => log(`engine shutdown: ${String(err)}`));
    await dataPlane.close().catch(() => undefined);
    logs.close();
    metrics.close();
    process.exit(0);
  };
  // One failing background task must not take every service down with it.
  process.on("unhandledRejection", (reason) => log(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) log(err.message);
  else log(`failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
