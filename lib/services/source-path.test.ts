import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLocalSource, localSourcePath } from "./source-path";

describe("local source paths", () => {
  it("tells local folders from hosted repositories", () => {
    expect(localSourcePath("/srv/app")).toBe("/srv/app");
    expect(localSourcePath("file:///srv/app")).toBe("/srv/app");
    expect(localSourcePath("https://github.com/org/repo")).toBeUndefined();
    expect(localSourcePath("git@github.com:org/repo.git")).toBeUndefined();
  });

  it("says when the folder is missing or is a file, and accepts a real folder", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "runway-src-"));
    writeFileSync(path.join(dir, "server.js"), "");
    expect(await checkLocalSource(dir)).toBeUndefined();
    expect(await checkLocalSource(`file://${dir}`)).toBeUndefined();
    expect(await checkLocalSource(path.join(dir, "missing"))).toContain("No folder at");
    expect(await checkLocalSource(dir, "server.js")).toContain("is a file");
    expect(await checkLocalSource("https://github.com/org/repo")).toBeUndefined();
  });
});
