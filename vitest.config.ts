import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  // "server-only" throws outside React Server Components; tests import those modules directly.
  resolve: { alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js") } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "runtime/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", "examples/**"],
    environment: "node",
    // One throwaway PostgreSQL per run: database tests run against SQLite and PostgreSQL.
    globalSetup: ["lib/testing/postgres-global-setup.ts"],
    pool: "forks",
    // 2-core machines: runtime integration tests spawn real processes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
