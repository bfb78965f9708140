import { defineConfig, devices } from "@playwright/test";
import path from "node:path";
import { adminStatePath, assertTempDatabase, baseURL, databaseUrl, e2ePort, runtimeApiPort, runtimeDataPort, runtimeURL, secondPort, secondURL, tmpDir } from "./e2e/support/e2e-env";

assertTempDatabase(databaseUrl);

const chromium = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium";
const jsonReport = process.env.E2E_JSON_REPORT;

const consoleEnv = (port: number) => ({
  PORT: String(port),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
  DATABASE_URL: databaseUrl,
  RUNWAY_DATA_DIR: tmpDir,
  RUNWAY_LOCAL_RUNTIME_URL: runtimeURL,
  // Several specs sign in many times from one loopback address (two-consoles.spec.ts sets a low one to reach it).
  RUNWAY_SIGNIN_IP_LIMIT: process.env.E2E_SIGNIN_IP_LIMIT ?? "1000",
});
const consoleServer = (port: number, url: string) => ({
  command: "node_modules/.bin/next start -H 127.0.0.1",
  url: `${url}/sign-in`,
  env: consoleEnv(port),
  timeout: 120_000,
  reuseExistingServer: false,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  // Needs the second console that only the PostgreSQL run starts.
  testIgnore: secondPort ? [] : [/two-consoles\.spec\.ts/],
  outputDir: path.join(tmpDir, "test-results"),
  // Generous: these shared machines are sometimes loaded; no test asserts timing.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ...(jsonReport ? [["json", { outputFile: jsonReport }] as const] : [])],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      testMatch: /.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], storageState: adminStatePath },
    },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx runtime/src/main.ts",
      env: {
        RUNWAY_RUNTIME_API_PORT: String(runtimeApiPort),
        RUNWAY_RUNTIME_DATA_PORT: String(runtimeDataPort),
        RUNWAY_RUNTIME_DATA_DIR: path.join(tmpDir, "runtime"),
      },
      wait: { stdout: /"event":"ready"/ },
      timeout: 60_000,
      // SIGTERM lets the runtime stop its app instances; Playwright's default SIGKILL would orphan them.
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    consoleServer(e2ePort, baseURL),
    // `scripts/e2e.mjs --postgres`: a second console process on the same PostgreSQL.
    ...(secondPort ? [consoleServer(secondPort, secondURL)] : []),
  ],
});
