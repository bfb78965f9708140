// Keeps `import "server-only"` in every module that touches the database, secrets or the
// environment, so a client component that imports one (even indirectly) fails the build
// instead of shipping it to the browser.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

const TOUCHES: Array<[string, RegExp]> = [
  ["the database", /from\s+"(@\/lib\/db|@\/lib\/generated\/prisma[^"]*|@prisma\/[^"]+|better-sqlite3)"/],
  ["the environment", /from\s+"@\/lib\/env"|process\.env/],
  ["secrets", /from\s+"@\/lib\/crypto\/secret-box"|\b(loadConnectionSecret|secretKey|decryptSecret)\(/],
];

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // lib/testing holds test-only helpers; never bundled, and run by tsx outside React's server condition.
      if (entry.name !== "generated" && entry.name !== "node_modules" && full !== path.join(root, "lib", "testing")) yield* sources(full);
    } else if (/\.tsx?$/.test(entry.name) && !/\.(test|fixture)\.tsx?$/.test(entry.name)) {
      yield full;
    }
  }
}

/** Modules under the given folders that touch something server-only without the marker. */
export function unmarkedServerModules(folders: string[]): string[] {
  const missing: string[] = [];
  for (const folder of folders) {
    for (const file of sources(path.join(root, folder))) {
      const text = readFileSync(file, "utf8");
      const touched = TOUCHES.filter(([, re]) => re.test(text)).map(([what]) => what);
      if (touched.length > 0 && !/^import "server-only";$/m.test(text)) missing.push(`${path.relative(root, file)} (touches ${touched.join(", ")})`);
    }
  }
  return missing;
}

describe('import "server-only"', () => {
  it("is in every module of lib/, app/ and components/ that touches the database, secrets or the environment", () => {
    expect(unmarkedServerModules(["lib", "app", "components"])).toEqual([]);
  });

  it("the check sees what it should", () => {
    // These modules are known to touch the database and the environment.
    const text = readFileSync(path.join(root, "lib/db.ts"), "utf8");
    expect(TOUCHES.some(([, re]) => re.test(text))).toBe(true);
    expect(TOUCHES[1]![1].test(readFileSync(path.join(root, "lib/env.ts"), "utf8"))).toBe(true);
  });
});
