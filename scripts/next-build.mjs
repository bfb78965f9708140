// Shared by up.mjs and e2e.mjs: build Next into a dist dir only when sources changed,
// and keep tsconfig.json as committed (next build adds its dist dir's types to it).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bin, root } from "./prisma-env.mjs";

const SOURCES = ["app", "components", "lib", "proxy.ts", "middleware.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma", "prisma/postgresql/schema.prisma", "tsconfig.json"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    max = Math.max(max, newestMtime(path.join(p, entry.name)));
  }
  return max;
}

const newestSource = () => Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
// The newest source mtime seen when the build STARTED: edits made during a build make it stale.
const stampFile = (distDir) => path.join(root, distDir, "runway-sources-mtime");

export function buildIsFresh(distDir) {
  if (!existsSync(path.join(root, distDir, "BUILD_ID")) || !existsSync(stampFile(distDir))) return false;
  return Number(readFileSync(stampFile(distDir), "utf8")) >= newestSource();
}

export function nextBuild(distDir, env, { force = false } = {}) {
  if (!force && buildIsFresh(distDir)) {
    console.log(`next build: ${distDir} is up to date`);
    return;
  }
  console.log(`next build -> ${distDir}`);
  const sourcesAtStart = newestSource();
  const tsconfig = path.join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  const { atime, mtime } = statSync(tsconfig);
  // Compile, then generate: the same output as `next build` minus its whole-project type check,
  // which `npm test` runs on its own (typecheck step), so one stray type error elsewhere does
  // not stop the console from starting.
  let r = spawnSync(bin("next"), ["build", "--experimental-build-mode", "compile"], { cwd: root, env: { ...env, NEXT_DIST_DIR: distDir }, stdio: "inherit" });
  if (r.status === 0) r = spawnSync(bin("next"), ["build", "--experimental-build-mode", "generate"], { cwd: root, env: { ...env, NEXT_DIST_DIR: distDir }, stdio: "inherit" });
  if (readFileSync(tsconfig, "utf8") !== before) {
    writeFileSync(tsconfig, before);
    utimesSync(tsconfig, atime, mtime); // so the restore does not look like a source change
  }
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  writeFileSync(stampFile(distDir), String(sourcesAtStart));
}
