import { describe, expect, it } from "vitest";
import { allowedOperations } from "./allowed-operations";
import { mapLimit } from "./map-limit";

describe("allowedOperations", () => {
  it("follows App Runner's state rules", () => {
    expect(allowedOperations("RUNNING")).toEqual({ pause: true, resume: false, deploy: true, update: true, delete: true });
    expect(allowedOperations("PAUSED")).toEqual({ pause: false, resume: true, deploy: false, update: false, delete: true });
    expect(allowedOperations("OPERATION_IN_PROGRESS")).toEqual({ pause: false, resume: false, deploy: false, update: false, delete: false });
    expect(allowedOperations("CREATE_FAILED")).toMatchObject({ update: true, delete: true, deploy: false });
  });
});

describe("mapLimit", () => {
  it("never runs more than the limit at once and visits every item", async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(n);
      running--;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("diffTags", () => {
  it("sets new and changed tags and removes dropped ones", async () => {
    const { diffTags } = await import("./update-tags");
    const d = diffTags(
      [
        { key: "team", value: "web" },
        { key: "tier", value: "1" },
        { key: "old", value: "x" },
      ],
      [
        { key: "team", value: "web" },
        { key: "tier", value: "2" },
        { key: "new", value: "" },
      ],
    );
    expect(d).toEqual({ set: [{ key: "tier", value: "2" }, { key: "new", value: "" }], remove: ["old"] });
    expect(diffTags([{ key: "a", value: "1" }], [{ key: "a", value: "1" }])).toEqual({ set: [], remove: [] });
  });
});
