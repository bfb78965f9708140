// Shared by the scripts: the environment Prisma 6.19 needs to work offline with its JS
// engines (see TOOLCHAIN.md), and the default SQLite location.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function prismaEnv(extra = {}) {
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/bin/false",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    ...extra,
  };
  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(env.RUNWAY_DATA_DIR ?? path.join(root, "data"));
    env.DATABASE_URL = `file:${path.join(dataDir, "runway.db")}`;
  }
  return env;
}
