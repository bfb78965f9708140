// The Prisma client singleton. Kept on globalThis so dev reloads and route bundles
// share one connection (pool). Password hashes are omitted unless a query asks.
// DATABASE_URL picks the engine: file:… is SQLite, postgres(ql)://… is PostgreSQL. Both
// clients are generated from one schema (prisma/schema.prisma, and prisma/postgresql/
// derived from it), so their models and types are the same.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/lib/generated/prisma-pg/client";
import { env } from "@/lib/env";

const omit = { user: { passwordHash: true }, connection: { encryptedSecret: true } } as const;

function createSqlite(url: string) {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }), omit });
}

export type Db = ReturnType<typeof createSqlite>;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** A new client for `url` (the app uses `db`; tests use this for a second "process"). */
export function createDb(url: string): Db {
  if (!isPostgresUrl(url)) return createSqlite(url);
  // The PostgreSQL client is generated from the derived schema: same models, same omit.
  return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }), omit }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { runwayDb?: Db; runwayDbUrl?: string };

export function getDb(): Db {
  if (!globalForDb.runwayDb || globalForDb.runwayDbUrl !== env.databaseUrl) {
    globalForDb.runwayDb = createDb(env.databaseUrl);
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
