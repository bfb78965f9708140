// Vitest global setup. Debian's AWS CLI v2 (/usr/bin/aws) is one of the real clients the runtime's tests
// drive, and a fresh machine lacks it: install it the way scripts/e2e.mjs installs Chromium. A failure is
// not fatal here, so unrelated tests still run; the CLI tests fail with the reason (runtime/test/debian-aws-cli.ts).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { debianAws } from "./debian-aws-cli.js";

export default function setup(): void {
  const reason = ensureDebianAwsCli();
  if (reason) {
    process.env.RUNWAY_TEST_AWS_CLI_MISSING = reason;
    console.warn(`Debian's AWS CLI is unavailable: ${reason}`);
  }
}

/** Undefined when the CLI is there (installed now if needed), else why it is not. */
function ensureDebianAwsCli(): string | undefined {
  if (existsSync(debianAws)) return undefined;
  if (process.getuid?.() !== 0) return `${debianAws} is missing and installing it needs root (apt-get install -y awscli)`;
  console.log("Installing Debian's AWS CLI (apt-get install -y awscli) for the runtime's client tests");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const r = spawnSync("apt-get", ["install", "-y", "-qq", "awscli"], { stdio: "inherit", env });
  if (r.error) return `cannot run apt-get to install awscli: ${r.error.message}`;
  if (r.status !== 0 || !existsSync(debianAws)) return `\`apt-get install -y awscli\` failed (exit ${r.status ?? r.signal})`;
  return undefined;
}
