import { describe, expect, it } from "vitest";
import { operationMarkers } from "./operation-markers";
import { mergeResults, toRows } from "./metric-series";

const t0 = Date.UTC(2026, 10, 30, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe("operationMarkers", () => {
  it("places each marker at its operation's start time, oldest first, with who started it", () => {
    const ops = [
      { id: "b", type: "START_DEPLOYMENT", status: "SUCCEEDED", startedAt: iso(t0 + 90_000), endedAt: iso(t0 + 95_000) },
      { id: "a", type: "PAUSE_SERVICE", status: "IN_PROGRESS", startedAt: iso(t0 + 30_500) },
    ];
    const m = operationMarkers(ops, { start: t0, end: t0 + 3_600_000 }, new Map([["b", "ops@example.com"]]));
    expect(m.map((x) => [x.id, x.at])).toEqual([
      ["a", t0 + 30_500],
      ["b", t0 + 90_000],
    ]);
    expect(m[1]).toMatchObject({ endedAt: t0 + 95_000, startedBy: "ops@example.com", label: "start deployment · succeeded · by ops@example.com" });
    expect(m[0]?.startedBy).toBeUndefined();
  });

  it("leaves out operations outside the window or without a start", () => {
    const ops = [
      { id: "before", type: "UPDATE_SERVICE", status: "SUCCEEDED", startedAt: iso(t0 - 1) },
      { id: "after", type: "UPDATE_SERVICE", status: "SUCCEEDED", startedAt: iso(t0 + 61_000) },
      { id: "none", type: "UPDATE_SERVICE", status: "PENDING" },
      { id: "edge", type: "RESUME_SERVICE", status: "SUCCEEDED", startedAt: iso(t0 + 60_000) },
    ];
    expect(operationMarkers(ops, { start: t0, end: t0 + 60_000 }).map((m) => m.id)).toEqual(["edge"]);
  });
});

describe("metric rows", () => {
  it("merges pages of the same query and lines series up by time", () => {
    const merged = mergeResults([
      { Id: "requests", Timestamps: [new Date(t0 + 60_000)], Values: [5] },
      { Id: "requests", Timestamps: [new Date(t0)], Values: [3] },
      { Id: "active", Timestamps: [new Date(t0)], Values: [1] },
    ]);
    expect(merged.get("requests")).toEqual([
      [t0, 3],
      [t0 + 60_000, 5],
    ]);
    expect(toRows(merged, ["requests", "active"])).toEqual([
      { t: t0, requests: 3, active: 1 },
      { t: t0 + 60_000, requests: 5 },
    ]);
  });
});
