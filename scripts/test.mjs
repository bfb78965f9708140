#!/usr/bin/env node
// `npm test`: every check the project has, in one run, against fresh temporary data.
// typecheck -> lint -> unit + runtime integration tests (vitest, on SQLite and a throwaway
// PostgreSQL) -> e2e (Playwright in Chromium) -> e2e-pg (two consoles on one PostgreSQL).
// Prints one closing line "N passed, N failed" summing vitest and Playwright.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { bin, prismaEnv, root } from "./prisma-env.mjs";

const reports = path.join(root, "tmp", "test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

// playwright.config.ts adds a JSON reporter writing to E2E_JSON_REPORT, read for the closing line.
const env = prismaEnv({ E2E_JSON_REPORT: path.join(reports, "playwright.json") });

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const results = [];

function step(name, cmd, args, extraEnv = {}) {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  console.log(`\n=== ${name}: ${[path.basename(cmd), ...args].join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  results.push({ name, ok, seconds });
  console.log(`=== ${name}: ${ok ? "ok" : `FAILED (exit ${r.status ?? r.signal})`} in ${seconds}s`);
}

// A fresh clone: install exactly what the lockfile says (allowScripts lets better-sqlite3 build).
if (!existsSync(bin("next"))) {
  console.log("node_modules is missing: running npm ci");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

step("generate", process.execPath, [path.join(root, "scripts", "db-generate.mjs")]);
step("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
step("lint", bin("eslint"), ["."]);
step("unit", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "vitest.json")}`]);
step("e2e", process.execPath, [path.join(root, "scripts", "e2e.mjs")]);
// One end-to-end path on PostgreSQL: two console processes sharing one database.
const pgReport = path.join(reports, "playwright-postgres.json");
step("e2e-pg", process.execPath, [path.join(root, "scripts", "e2e.mjs"), "--postgres", "e2e/two-consoles.spec.ts"], { E2E_JSON_REPORT: pgReport });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = []; // "file › title: first line of the error", repeated in the summary
const vitest = readJson(path.join(reports, "vitest.json"));
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  for (const file of vitest.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === "failed") failures.push(`unit ${path.relative(root, file.name)} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    }
    if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) failures.push(`unit ${path.relative(root, file.name)}: ${firstLine(file.message)}`);
  }
}
for (const report of ["playwright.json", "playwright-postgres.json"]) {
  const pw = readJson(path.join(reports, report));
  if (pw?.stats) {
    passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
    failed += pw.stats.unexpected ?? 0;
    skipped += pw.stats.skipped ?? 0;
  }
  for (const { spec, file } of playwrightSpecs(pw?.suites ?? [])) {
    for (const t of spec.tests ?? []) {
      if (t.status !== "unexpected" && t.status !== "flaky") continue;
      const error = t.results?.find((r) => r.status !== "passed")?.error;
      failures.push(`${report === "playwright.json" ? "e2e" : "e2e-pg"} ${file} › ${spec.title}${error?.location ? ` (line ${error.location.line})` : ""}${t.status === "flaky" ? " (flaky, passed on retry)" : ""}: ${firstLine(error?.message)}`);
    }
  }
}

console.log("\n=== summary");
for (const r of results) console.log(`${r.ok ? "ok    " : "FAILED"} ${r.name.padEnd(10)} ${r.seconds}s`);
const stepFailures = results.filter((r) => !r.ok).length;
// A failing step without failing tests (typecheck, lint, a crashed runner) still counts as a failure.
if (stepFailures > 0 && failed === 0) failed = stepFailures;
// CI keeps only the tail of the output: name what failed here, not only in the runners' logs above.
for (const f of failures) console.log(`  ✘ ${f}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(stepFailures > 0 ? 1 : 0);

function* playwrightSpecs(suites, file = "") {
  for (const suite of suites) {
    const f = suite.file ?? file;
    for (const spec of suite.specs ?? []) yield { spec, file: f };
    yield* playwrightSpecs(suite.suites ?? [], f);
  }
}

function firstLine(text) {
  const line = String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim()) ?? "(no message)";
  return line.trim().slice(0, 300);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}
