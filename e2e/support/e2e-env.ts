// Everything the e2e suite needs to know about where it runs. scripts/e2e.mjs sets these;
// running `npx playwright test` directly works too (a temp dir is made on first load and
// handed to workers through process.env).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const int = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : fallback;
};

export const e2ePort = int(process.env.E2E_PORT, 3100);
export const runtimeApiPort = int(process.env.E2E_RUNTIME_API_PORT, 4680);
export const runtimeDataPort = int(process.env.E2E_RUNTIME_DATA_PORT, 4681);
/** Set by `scripts/e2e.mjs --postgres`: a second console process on the same database. */
export const secondPort = int(process.env.E2E_SECOND_PORT, 0);
export const baseURL = `http://127.0.0.1:${e2ePort}`;
export const secondURL = `http://127.0.0.1:${secondPort}`;
export const runtimeURL = `http://127.0.0.1:${runtimeApiPort}`;

if (!process.env.E2E_TMP_DIR) process.env.E2E_TMP_DIR = mkdtempSync(path.join(os.tmpdir(), "runway-e2e-"));
export const tmpDir = process.env.E2E_TMP_DIR;
export const databaseUrl = process.env.E2E_DATABASE_URL ?? `file:${path.join(tmpDir, "runway.db")}`;
export const adminStatePath = path.join(tmpDir, "admin-state.json");

export const admin = { name: "Ada Admin", email: "admin@example.com", password: "correct-horse-battery" };

/** Refuses to run against anything but a throwaway database (STYLE.md: a guard like dub's). */
export function assertTempDatabase(url: string): void {
  // A PostgreSQL only when it is the throwaway server scripts/e2e.mjs started for this run.
  if (/^postgres(ql)?:/.test(url) && url === process.env.E2E_TEMP_POSTGRES_URL) return;
  const file = url.startsWith("file:") ? path.resolve(url.slice(5)) : null;
  const tmp = path.resolve(os.tmpdir());
  if (!file || !file.startsWith(tmp + path.sep)) {
    throw new Error(`e2e refuses to run against ${url}: the database must be a file under ${tmp} (or the run's temporary PostgreSQL)`);
  }
}
