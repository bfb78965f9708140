import type { RuntimeConfig } from "../config.js";
import type { DrainHook, Engine, InstanceInfo, LogSink, MetricSink, Route, RouteTable } from "../contracts.js";
import { Autoscaler } from "./autoscaler.js";
import { Balancer, NoCapacityError } from "./balancer.js";
import type { ClientExchange } from "./client-exchange.js";
import { ProxyHttpServer } from "./http-server.js";
import { proxyRequest, type ProxiedRequest } from "./proxy.js";
import type { RequestHead } from "./request-head.js";
import { isIdempotent } from "./request-target.js";
import { normalize } from "./route-table.js";
import type { ServiceState } from "./service-state.js";
import { Telemetry } from "./telemetry.js";
import { UpstreamPool } from "./upstream-pool.js";

export interface DataPlaneOptions {
  routes: RouteTable;
  engine: Engine;
  metrics: MetricSink;
  logs: LogSink;
  host: string;
  port: number;
  settings: DataPlaneSettings;
}

/** The data plane's tuning, from the runtime's config (config.ts holds the names and defaults). */
export interface DataPlaneSettings {
  /** No complete response within this long: 504 (App Runner's limit is 120 s). */
  requestTimeoutMs: number;
  /** A request waiting for a free instance slot longer than this: 429. */
  queueTimeoutMs: number;
  scaleInCooldownMs: number;
  /** An idle client keep-alive connection is closed after this long. */
  clientIdleMs: number;
  /** Client connections beyond this many are answered 503 and closed. */
  maxClientConnections: number;
}

export function dataPlaneSettings(config: Pick<RuntimeConfig, "dataPlane">): DataPlaneSettings {
  const c = config.dataPlane;
  return {
    requestTimeoutMs: c.requestTimeoutSeconds * 1000,
    queueTimeoutMs: c.queueTimeoutSeconds * 1000,
    scaleInCooldownMs: c.scaleInCooldownSeconds * 1000,
    clientIdleMs: c.clientIdleSeconds * 1000,
    maxClientConnections: Math.floor(c.maxClientConnections),
  };
}

export interface DataPlane {
  listen(): Promise<number>;
  close(): Promise<void>;
  drain: DrainHook;
  /** Routing state per service that has seen traffic (tests and benchmarks read it). */
  services(): ReadonlyMap<string, ServiceState>;
}

const SCALE_TICK_MS = 250;
const INSTANCE_SAMPLE_MS = 5000;

/**
 * The runtime's data plane: one HTTP listener that routes by Host to a service's healthy instances,
 * balances on least outstanding requests within MaxConcurrency, queues briefly beyond it, runs the
 * autoscaler and records App Runner's metrics.
 */
export function createDataPlane(opts: DataPlaneOptions): DataPlane {
  const { requestTimeoutMs, scaleInCooldownMs: cooldownMs } = opts.settings;
  const telemetry = new Telemetry(opts.metrics, opts.logs, opts.engine);
  const autoscaler = new Autoscaler(opts.engine, cooldownMs, (s, from, to) => telemetry.scaled(s, from, to));
  const balancer = new Balancer(opts.engine, {
    queueTimeoutMs: opts.settings.queueTimeoutMs,
    queueLimit: 1000,
    onQueued: (s) => autoscaler.nudge(s),
  });
  const timers: NodeJS.Timeout[] = [];
  const pool = new UpstreamPool();

  // Long uploads and downloads are bounded by the per-request timeout instead.
  const server = new ProxyHttpServer({
    onRequest: handle,
    keepAliveTimeoutMs: opts.settings.clientIdleMs,
    headersTimeoutMs: 60_000,
    maxConnections: opts.settings.maxClientConnections,
  });

  type Resolved = { route: Route; host: string } | { status: number; body: string };

  function resolveRoute(head: RequestHead): Resolved {
    const hostHeader = head.host;
    if (!hostHeader) return { status: 400, body: "400 Bad Request: the Host header is required to pick a service.\n" };
    const host = normalize(hostHeader);
    const route = opts.routes.lookup(host);
    if (!route || route.status === "DELETED") return { status: 404, body: `404 Not Found: no App Runner service is associated with host ${host}.\n` };
    if (route.status === "PAUSED") return { status: 404, body: `404 Not Found: service ${route.serviceName} is paused and has no running instances.\n` };
    if (route.status === "CREATE_FAILED") return { status: 503, body: `503 Service Unavailable: service ${route.serviceName} failed to create and has no instances.\n` };
    return { route, host };
  }

  /** One client request on its way through: the slot it holds is released exactly once (close handler, or forward if the client left first). */
  interface Exchange {
    x: ClientExchange;
    route: Route;
    state: ServiceState;
    instance: InstanceInfo | undefined;
    /** The attempt in progress at the instance. */
    proxied: ProxiedRequest | undefined;
    closed: boolean;
    attempt: number;
  }

  // Plane-level steps over one Exchange object rather than closures (and a promise) per request: the hot path.
  function handle(cx: ClientExchange): void {
    const started = performance.now();
    const resolved = resolveRoute(cx.head);
    if ("status" in resolved) return cx.reply(resolved.status, resolved.body);
    const { route } = resolved;
    const x: Exchange = { x: cx, route, state: balancer.state(route, resolved.host), instance: undefined, proxied: undefined, closed: false, attempt: 0 };
    cx.onClose = () => {
      x.closed = true;
      x.proxied?.clientClosed();
      if (x.instance) balancer.release(route.serviceId, x.instance.instanceId);
      x.instance = undefined;
      telemetry.request(x.state, cx.statusCode, performance.now() - started);
    };
    dispatch(x, undefined);
  }

  function dispatch(x: Exchange, exclude: string | undefined): void {
    let got: InstanceInfo | Promise<InstanceInfo>;
    try {
      got = balancer.acquire(x.state, exclude);
    } catch (err) {
      return refuse(x, err);
    }
    if (got instanceof Promise) got.then((picked) => forward(x, picked), (err: unknown) => refuse(x, err));
    else forward(x, got);
  }

  function refuse(x: Exchange, err: unknown): void {
    if (err instanceof NoCapacityError) reply(x.x, err.status, `${err.status === 429 ? "429 Too Many Requests" : "503 Service Unavailable"}: ${err.message}\n`);
    else reply(x.x, 500, `500 Internal Server Error: ${(err as Error).message}\n`);
  }

  function forward(x: Exchange, picked: InstanceInfo): void {
    if (x.closed) {
      balancer.release(x.route.serviceId, picked.instanceId);
      return;
    }
    x.instance = picked;
    x.proxied = proxyRequest(x.x, picked, pool, requestTimeoutMs, (outcome) => {
      if (outcome.kind === "answered") return;
      // The instance could not be reached (it refused the connection): it is likely gone, and an idempotent request
      // it never received can go to another. A request that reached an instance is never sent twice, and a
      // connection closed after the request was written never marks the instance suspect.
      if (outcome.notSent && !outcome.timedOut) balancer.markSuspect(picked.instanceId);
      if (outcome.notSent && !outcome.timedOut && isIdempotent(x.x.head.method) && !x.x.hasBody && x.attempt < 2 && !x.closed) {
        balancer.release(x.route.serviceId, picked.instanceId);
        x.instance = undefined;
        x.attempt++;
        return dispatch(x, picked.instanceId);
      }
      if (outcome.timedOut) reply(x.x, 504, `504 Gateway Timeout: the instance did not answer within ${Math.round(requestTimeoutMs / 1000)} s.\n`);
      else reply(x.x, 502, `502 Bad Gateway: the instance failed before answering (${outcome.message}).\n`);
    }, () => x.state.lastActive.set(picked.instanceId, Date.now()));
  }

  function tick(): void {
    for (const [id, s] of balancer.services) {
      const current = opts.routes.lookup(s.host);
      if (!current || current.status === "DELETED" || current.serviceId !== id) {
        if (!s.queue.length && !s.inflight) {
          telemetry.flush(s);
          balancer.services.delete(id);
          autoscaler.forget(id);
        }
        continue;
      }
      s.route = current;
      autoscaler.evaluate(s);
    }
  }
  /** Services that never saw a request still have instances worth sampling (CPU, memory, provisioned count). */
  function adoptIdleServices(): void {
    for (const [host, route] of opts.routes.entries()) {
      if (route.status === "RUNNING" && !balancer.services.has(route.serviceId)) balancer.state(route, host);
    }
  }

  return {
    drain: balancer,
    services: () => balancer.services,
    async listen() {
      const port = await server.listen(opts.port, opts.host);
      timers.push(setInterval(tick, SCALE_TICK_MS));
      timers.push(
        setInterval(() => {
          for (const s of balancer.services.values()) {
            telemetry.flush(s);
            telemetry.concurrency(s);
          }
        }, 1000),
      );
      timers.push(
        setInterval(() => {
          adoptIdleServices();
          telemetry.instances(balancer.services.values(), INSTANCE_SAMPLE_MS);
        }, INSTANCE_SAMPLE_MS),
      );
      for (const t of timers) t.unref();
      return port;
    },
    async close() {
      for (const t of timers) clearInterval(t);
      timers.length = 0;
      for (const s of balancer.services.values()) telemetry.flush(s);
      balancer.close();
      pool.destroy();
      await server.close();
    },
  };
}

function reply(x: ClientExchange, status: number, body: string): void {
  if (x.headersSent) return x.destroy();
  if (x.finished) return;
  x.reply(status, body);
}
