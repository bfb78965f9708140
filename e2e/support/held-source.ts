// A copy of examples/node-hello whose build waits until the test releases it, so a service
// stays "being created" exactly as long as a test needs (the runtime otherwise finishes a
// create in a few hundred milliseconds, faster than any assertion on that state).
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const example = path.resolve("examples/node-hello");

const holdScript = `// Build step: wait for the release file (the test creates it), give up after a while.
import { existsSync } from "node:fs";
const file = process.argv[2];
const deadline = Date.now() + Number(process.argv[3]);
const timer = setInterval(() => {
  if (existsSync(file)) clearInterval(timer);
  else if (Date.now() > deadline) { console.error("build was never released"); process.exit(1); }
}, 100);
`;

export interface HeldSource {
  /** The local path to give the create form. */
  dir: string;
  /** Lets the build finish. */
  release(): void;
  /** Makes the next build wait again (until the next release()). */
  hold(): void;
}

/** `giveUpMs`: how long a held build waits before it fails (two minutes unless a test holds longer on purpose). */
export function heldSource({ giveUpMs = 120_000 }: { giveUpMs?: number } = {}): HeldSource {
  const dir = mkdtempSync(path.join(os.tmpdir(), "runway-held-"));
  // Readable by a runtime that builds as an unprivileged user.
  chmodSync(dir, 0o755);
  const releaseFile = path.join(dir, "release");
  for (const f of ["server.js", "package.json"]) copyFileSync(path.join(example, f), path.join(dir, f));
  writeFileSync(path.join(dir, "hold-build.mjs"), holdScript);
  writeFileSync(
    path.join(dir, "apprunner.yaml"),
    ["version: 1.0", "runtime: nodejs22", "build:", "  commands:", "    build:", `      - node hold-build.mjs ${releaseFile} ${giveUpMs}`, "run:", "  runtime-version: 22", "  command: node server.js", "  network:", "    port: 8080", ""].join("\n"),
  );
  return {
    dir,
    release: () => {
      if (!existsSync(releaseFile)) writeFileSync(releaseFile, "go\n", { mode: 0o644 });
    },
    hold: () => rmSync(releaseFile, { force: true }),
  };
}
