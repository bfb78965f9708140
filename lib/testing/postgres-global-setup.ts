// Vitest global setup: one throwaway PostgreSQL for the whole run (scripts/temp-postgres.mjs
// installs Debian's package if needed, or fails with the reason). Database tests each make
// their own database on it (lib/testing/temp-db.ts), so they run against SQLite and PostgreSQL.
import type { TestProject } from "vitest/node";
import { startTempPostgres } from "../../scripts/temp-postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const pg = await startTempPostgres();
  project.provide("postgresUrl", pg.url);
  return () => pg.stop();
}
