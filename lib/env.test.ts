import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reloadEnv, secretKey } from "./env";

const saved = { dir: process.env.RUNWAY_DATA_DIR, key: process.env.RUNWAY_SECRET_KEY };
const tmp = mkdtempSync(path.join(os.tmpdir(), "runway-env-"));

afterEach(() => {
  process.env.RUNWAY_DATA_DIR = saved.dir;
  process.env.RUNWAY_SECRET_KEY = saved.key;
  if (saved.dir === undefined) delete process.env.RUNWAY_DATA_DIR;
  if (saved.key === undefined) delete process.env.RUNWAY_SECRET_KEY;
  reloadEnv();
});

const mode = (p: string) => statSync(p).mode & 0o777;

describe("the console's data folder", () => {
  it("is created 0700 with the secret key 0600, so apps run by the local runtime cannot read them", () => {
    const dir = path.join(tmp, "fresh", "data");
    process.env.RUNWAY_DATA_DIR = dir;
    delete process.env.RUNWAY_SECRET_KEY;
    reloadEnv();
    expect(secretKey()).toHaveLength(32);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "secret.key"))).toBe(0o600);
  });

  it("closes a data folder that already exists with wider modes", () => {
    const dir = path.join(tmp, "existing");
    mkdirSync(dir, { mode: 0o755 });
    process.env.RUNWAY_DATA_DIR = dir;
    delete process.env.RUNWAY_SECRET_KEY;
    reloadEnv();
    secretKey();
    expect(mode(dir)).toBe(0o700);
  });
});

process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));
