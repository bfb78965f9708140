// The one place that reads process.env. Everything else imports `env` (or the helpers
// below), so configuration is validated once and documented here.
import "server-only";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/net/trusted-proxies";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Where Runway keeps its SQLite file, secret key and runtime data. */
  RUNWAY_DATA_DIR: optionalString,
  /** Prisma datasource. Default: file:<data dir>/runway.db */
  DATABASE_URL: optionalString,
  /** base64 of 32 random bytes; encrypts connection secrets. Default: generated into <data dir>/secret.key */
  RUNWAY_SECRET_KEY: optionalString.refine(
    (v) => v === undefined || Buffer.from(v, "base64").length === 32,
    "RUNWAY_SECRET_KEY must be base64 of exactly 32 bytes",
  ),
  /** When set, the console keeps a ready-made "Local runtime" connection pointing here. */
  RUNWAY_LOCAL_RUNTIME_URL: optionalString.pipe(z.url().optional()),
  /** Session lifetimes. */
  RUNWAY_SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  RUNWAY_SESSION_MAX_DAYS: z.coerce.number().positive().default(7),
  /** Force the Secure flag on cookies ("auto" = when the request came over https). */
  RUNWAY_SECURE_COOKIES: z.enum(["auto", "always", "never"]).default("auto"),
  /** Sign-in throttling per client IP: attempts per 15-minute window. */
  RUNWAY_SIGNIN_IP_LIMIT: z.coerce.number().int().positive().default(30),
  /** Reverse proxies (IPs or CIDR ranges, comma-separated) whose X-Forwarded-For/-Proto/-Host
   *  the console believes. Default: none, so the client address is the TCP peer's. */
  RUNWAY_TRUSTED_PROXIES: optionalString.superRefine((v, ctx) => {
    try {
      parseTrustedProxies(v);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: `RUNWAY_TRUSTED_PROXIES: ${(err as Error).message}` });
    }
  }),
  /** Minutes between background catalog syncs while the console runs; 0 turns them off. */
  RUNWAY_CATALOG_SYNC_MINUTES: z.coerce.number().min(0).max(24 * 60).default(15),
  /** Test-only: skip the growing delay after failed sign-ins (the lock still applies). */
  RUNWAY_SIGNIN_NO_DELAY: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

export type Env = z.infer<typeof schema> & { dataDir: string; databaseUrl: string };

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.RUNWAY_DATA_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), "data"));
  let databaseUrl = parsed.data.DATABASE_URL ?? `file:${path.join(dataDir, "runway.db")}`;
  // Relative SQLite paths are resolved against the working directory once, so every
  // consumer (console, scripts, tests) opens the same file.
  if (databaseUrl.startsWith("file:") && !path.isAbsolute(databaseUrl.slice(5))) {
    databaseUrl = `file:${path.resolve(databaseUrl.slice(5))}`;
  }
  return { ...parsed.data, dataDir, databaseUrl };
}

const globalForEnv = globalThis as unknown as { runwayEnv?: Env; runwaySecretKey?: Buffer };

export const env: Env = globalForEnv.runwayEnv ?? (globalForEnv.runwayEnv = load());

/** Re-reads process.env (tests change it between cases). */
export function reloadEnv(): Env {
  globalForEnv.runwayEnv = load();
  globalForEnv.runwaySecretKey = undefined;
  // Unset variables are absent from the parsed object: drop old values, or they would linger.
  for (const key of Object.keys(env)) delete (env as unknown as Record<string, unknown>)[key];
  Object.assign(env, globalForEnv.runwayEnv);
  return env;
}

/** The 32-byte key for secrets at rest; created (mode 0600) under the data dir (mode 0700) on first use. */
export function secretKey(): Buffer {
  if (globalForEnv.runwaySecretKey) return globalForEnv.runwaySecretKey;
  let key: Buffer;
  if (env.RUNWAY_SECRET_KEY) {
    key = Buffer.from(env.RUNWAY_SECRET_KEY, "base64");
  } else {
    const file = path.join(env.dataDir, "secret.key");
    // The data folder holds this key and the SQLite database: closed to every other user, including the
    // unprivileged user the local runtime runs apps as (an existing folder made 0755 earlier is closed too).
    mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(env.dataDir, 0o700);
    if (existsSync(file)) {
      key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    } else {
      key = randomBytes(32);
      // "wx": two processes racing on first start must not overwrite each other's key.
      try {
        writeFileSync(file, key.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
      } catch {
        key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
      }
      chmodSync(file, 0o600);
    }
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  }
  globalForEnv.runwaySecretKey = key;
  return key;
}
