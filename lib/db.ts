// The Prisma client singleton. Kept on globalThis so dev reloads and route bundles
// share one SQLite connection. Password hashes are omitted unless a query asks.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function create() {
  const adapter = new PrismaBetterSQLite3({ url: env.databaseUrl });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true }, connection: { encryptedSecret: true } },
  });
}

export type Db = ReturnType<typeof create>;

const globalForDb = globalThis as unknown as { runwayDb?: Db; runwayDbUrl?: string };

export function getDb(): Db {
  if (!globalForDb.runwayDb || globalForDb.runwayDbUrl !== env.databaseUrl) {
    globalForDb.runwayDb = create();
    globalForDb.runwayDbUrl = env.databaseUrl;
  }
  return globalForDb.runwayDb;
}

/** The shared client. A Proxy so a test that changes DATABASE_URL (reloadEnv) gets a fresh one. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
