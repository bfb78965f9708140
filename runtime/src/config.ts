import path from "node:path";

/** Runtime settings; every value comes from an env variable or the matching `--flag` (flags win). */
export interface RuntimeConfig {
  host: string;
  apiPort: number;
  dataPort: number;
  /** Data plane tuning: see dataPlaneSettings in dataplane/data-plane.ts. */
  dataPlane: { requestTimeoutSeconds: number; queueTimeoutSeconds: number; scaleInCooldownSeconds: number; clientIdleSeconds: number; maxClientConnections: number };
  dataDir: string;
  accountId: string;
  /** Access key id -> secret. Empty: any signed or unsigned request is accepted. */
  accessKeys: Map<string, string>;
  domainActivationSeconds: number;
  /** A starting instance that is not healthy within this time fails its deployment. */
  startTimeoutSeconds: number;
  /** How often the tracked branch of services with automatic deployments is checked for new commits. */
  sourcePollSeconds: number;
  /** Open connections the API listener accepts at once; more are answered 503 and closed. */
  apiMaxConnections: number;
  /** Where builds live (empty: chosen at start, see engine/app-isolation.ts). */
  appsDir: string;
}

const options = {
  host: { env: "RUNWAY_RUNTIME_HOST", flag: "--host", fallback: "127.0.0.1" },
  apiPort: { env: "RUNWAY_RUNTIME_API_PORT", flag: "--api-port", fallback: "4580" },
  dataPort: { env: "RUNWAY_RUNTIME_DATA_PORT", flag: "--data-port", fallback: "4581" },
  requestTimeoutSeconds: { env: "RUNWAY_RUNTIME_REQUEST_TIMEOUT_SECONDS", flag: "--request-timeout-seconds", fallback: "120" },
  queueTimeoutSeconds: { env: "RUNWAY_RUNTIME_QUEUE_TIMEOUT_SECONDS", flag: "--queue-timeout-seconds", fallback: "30" },
  scaleInCooldownSeconds: { env: "RUNWAY_RUNTIME_SCALE_IN_COOLDOWN_SECONDS", flag: "--scale-in-cooldown-seconds", fallback: "60" },
  clientIdleSeconds: { env: "RUNWAY_RUNTIME_CLIENT_IDLE_SECONDS", flag: "--client-idle-seconds", fallback: "65" },
  maxClientConnections: { env: "RUNWAY_RUNTIME_MAX_CLIENT_CONNECTIONS", flag: "--max-client-connections", fallback: "10000" },
  dataDir: { env: "RUNWAY_RUNTIME_DATA_DIR", flag: "--data-dir", fallback: "data/runtime" },
  accountId: { env: "RUNWAY_RUNTIME_ACCOUNT_ID", flag: "--account-id", fallback: "000000000000" },
  accessKeys: { env: "RUNWAY_RUNTIME_ACCESS_KEYS", flag: "--access-keys", fallback: "" },
  domainActivationSeconds: { env: "RUNWAY_RUNTIME_DOMAIN_ACTIVATION_SECONDS", flag: "--domain-activation-seconds", fallback: "5" },
  startTimeoutSeconds: { env: "RUNWAY_RUNTIME_START_TIMEOUT_SECONDS", flag: "--start-timeout-seconds", fallback: "60" },
  sourcePollSeconds: { env: "RUNWAY_RUNTIME_SOURCE_POLL_SECONDS", flag: "--source-poll-seconds", fallback: "5" },
  apiMaxConnections: { env: "RUNWAY_RUNTIME_API_MAX_CONNECTIONS", flag: "--api-max-connections", fallback: "256" },
  appsDir: { env: "RUNWAY_RUNTIME_APPS_DIR", flag: "--apps-dir", fallback: "" },
} as const;

export const usage = `Usage: tsx runtime/src/main.ts [options]
${Object.values(options)
  .map((o) => `  ${o.flag.padEnd(28)} env ${o.env.padEnd(42)} default ${o.fallback || "(none)"}`)
  .join("\n")}`;

export class ConfigError extends Error {}

/** Reads `--flag value` and `--flag=value` forms; unknown flags are an error so typos do not pass silently. */
export function loadConfig(argv: string[], env: Record<string, string | undefined>, cwd = process.cwd()): RuntimeConfig {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!Object.values(options).some((o) => o.flag === name)) throw new ConfigError(`unknown option ${name}\n${usage}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new ConfigError(`${name} needs a value`);
    flags.set(name, value);
  }
  const get = (key: keyof typeof options): string => {
    const o = options[key];
    return flags.get(o.flag) ?? env[o.env] ?? o.fallback;
  };
  return {
    host: get("host"),
    apiPort: port(get("apiPort"), "api port"),
    dataPort: port(get("dataPort"), "data plane port"),
    dataPlane: {
      requestTimeoutSeconds: positive(get("requestTimeoutSeconds"), "request timeout seconds"),
      queueTimeoutSeconds: positive(get("queueTimeoutSeconds"), "queue timeout seconds"),
      scaleInCooldownSeconds: nonNegative(get("scaleInCooldownSeconds"), "scale-in cool-down seconds"),
      clientIdleSeconds: positive(get("clientIdleSeconds"), "client idle seconds"),
      maxClientConnections: positive(get("maxClientConnections"), "max client connections"),
    },
    dataDir: path.resolve(cwd, get("dataDir")),
    accountId: accountId(get("accountId")),
    accessKeys: accessKeys(get("accessKeys")),
    domainActivationSeconds: nonNegative(get("domainActivationSeconds"), "domain activation seconds"),
    startTimeoutSeconds: positive(get("startTimeoutSeconds"), "start timeout seconds"),
    sourcePollSeconds: positive(get("sourcePollSeconds"), "source poll seconds"),
    apiMaxConnections: positiveInteger(get("apiMaxConnections"), "api max connections"),
    appsDir: get("appsDir") ? path.resolve(cwd, get("appsDir")) : "",
  };
}

function port(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${what} must be 0..65535, got '${value}'`);
  return n;
}

function nonNegative(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${what} must be a number >= 0, got '${value}'`);
  return n;
}

function positive(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${what} must be a number > 0, got '${value}'`);
  return n;
}

function positiveInteger(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${what} must be a whole number > 0, got '${value}'`);
  return n;
}

function accountId(value: string): string {
  if (!/^[0-9]{12}$/.test(value)) throw new ConfigError(`account id must be 12 digits, got '${value}'`);
  return value;
}

function accessKeys(value: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const pair of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const colon = pair.indexOf(":");
    if (colon <= 0 || colon === pair.length - 1) throw new ConfigError("access keys must look like AKID:SECRET[,AKID2:SECRET2]");
    keys.set(pair.slice(0, colon), pair.slice(colon + 1));
  }
  return keys;
}
