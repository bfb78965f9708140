#!/usr/bin/env node
// `npm run bench`: every benchmark, one after another (they share 2 cores, so never in parallel).
// Each benchmark measures its own baseline in the same run and prints ratios, then a final JSON line;
// this script collects those lines into tmp/bench-results.json and a summary.
// `npm run bench -- deploy proxy` runs a subset.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const benches = [
  { name: "deploy", file: "runtime/bench/deploy-bench.ts" },
  { name: "proxy", file: "runtime/bench/proxy-bench.ts" },
  { name: "scale", file: "runtime/bench/scale-bench.ts" },
  { name: "dashboard", file: "bench/dashboard-bench.ts" },
  { name: "metrics", file: "bench/metrics-bench.ts" },
  { name: "costs", file: "bench/costs-bench.ts" },
  { name: "catalog", file: "bench/catalog-bench.ts" },
  { name: "status-lag", file: "bench/status-lag-bench.ts" },
];
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith("--"));

// The proxy benchmark compares against nginx; install Debian's when we can (root, apt reachable).
if ((!only.length || only.includes("proxy")) && !existsSync("/usr/sbin/nginx") && process.getuid?.() === 0) {
  console.log("installing nginx and wrk for the proxy benchmark baseline");
  spawnSync("bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null"], { stdio: "inherit" });
}

const results = {};
for (const b of benches) {
  if (only.length && !only.includes(b.name)) continue;
  if (!existsSync(path.join(root, b.file))) {
    console.log(`\n=== ${b.name}: ${b.file} not present, skipped`);
    continue;
  }
  console.log(`\n=== ${b.name}: ${b.file}`);
  results[b.name] = await run(b.file);
}

mkdirSync(path.join(root, "tmp"), { recursive: true });
writeFileSync(path.join(root, "tmp", "bench-results.json"), JSON.stringify(results, null, 2));
console.log("\n=== summary (also in tmp/bench-results.json)");
for (const [name, r] of Object.entries(results)) console.log(`${name}: ${JSON.stringify(r)}`);

function run(file) {
  return new Promise((resolve) => {
    // Console benchmarks seed the database through lib/ modules marked `import "server-only"`: the
    // react-server condition resolves that marker to its empty module, as Next does on the server.
    const child = spawn(tsx, ["--conditions=react-server", file, ...passThrough], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let last;
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line.trim().startsWith("{")) last = line.trim();
    });
    child.on("close", (code) => {
      if (buffer.trim().startsWith("{")) last = buffer.trim();
      let parsed;
      try {
        parsed = last ? JSON.parse(last) : undefined;
      } catch {
        parsed = undefined;
      }
      resolve(code === 0 ? (parsed ?? { error: "no JSON result line" }) : { error: `exit ${code}`, ...(parsed ?? {}) });
    });
  });
}
