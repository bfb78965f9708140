// Tests that drive Debian's AWS CLI v2 use this: the CLI is installed by the vitest global setup. When it is
// still missing they fail with the reason; they are skipped only when RUNWAY_TEST_ALLOW_SKIP lists "awscli".
import { existsSync } from "node:fs";

export const debianAws = "/usr/bin/aws";

const allowed = (process.env.RUNWAY_TEST_ALLOW_SKIP ?? "").split(",").map((s) => s.trim());

/** True only when the CLI is missing and the environment explicitly allows skipping its tests. */
export const skipDebianAws = !existsSync(debianAws) && allowed.includes("awscli");
if (skipDebianAws) console.warn(`SKIPPED (RUNWAY_TEST_ALLOW_SKIP=awscli): tests through ${debianAws}, which is missing`);

/** Throws, with the reason, when the CLI is missing: call it in beforeAll or at the start of a test. */
export function requireDebianAws(): void {
  if (existsSync(debianAws)) return;
  const why = process.env.RUNWAY_TEST_AWS_CLI_MISSING ?? `${debianAws} is missing`;
  throw new Error(`Debian's AWS CLI is required: ${why}. Install it (apt-get install -y awscli) or set RUNWAY_TEST_ALLOW_SKIP=awscli to skip these tests.`);
}
