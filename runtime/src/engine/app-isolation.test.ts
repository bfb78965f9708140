import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pruneOrphanedAppsDirs } from "./app-isolation.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "runway-apps-prune-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("apps folders outside the data dir", () => {
  it("removes only the folders whose recorded data dir is gone", () => {
    const parent = path.join(tmp, "apps");
    const liveData = path.join(tmp, "live-data");
    mkdirSync(liveData);
    const folder = (name: string, dataDir?: string) => {
      const dir = path.join(parent, name);
      mkdirSync(path.join(dir, "engine"), { recursive: true });
      if (dataDir !== undefined) writeFileSync(path.join(dir, ".data-dir"), dataDir);
      return dir;
    };
    const live = folder("live", liveData);
    const orphan = folder("orphan", path.join(tmp, "deleted-data"));
    const unknown = folder("unknown");
    expect(pruneOrphanedAppsDirs(parent)).toEqual([orphan]);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(unknown)).toBe(true);
  });
});
