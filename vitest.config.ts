import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(__dirname)}/` },
      // Unit tests import server modules directly; Next resolves "server-only" to an empty module
      // for them under the react-server condition, this does the same.
      { find: /^server-only$/, replacement: path.resolve(__dirname, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "runtime/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", "examples/**"],
    environment: "node",
    // Installs Debian's AWS CLI for the runtime's client tests when it is missing (no silent skips).
    globalSetup: ["runtime/test/global-setup.ts", "lib/testing/postgres-global-setup.ts"],
    pool: "forks",
    // 2-core machines: runtime integration tests spawn real processes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
