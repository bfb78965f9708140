import { describe, expect, it } from "vitest";
import { lineOrigin, mergeLogLines } from "./log-lines";
import type { LogLine } from "./read-log-events";

const line = (id: string, timestamp: number, stream: string, message: string, source: LogLine["source"] = "service"): LogLine => ({ id, timestamp, stream, message, source });

describe("log lines", () => {
  it("orders oldest first and keeps each event once across fetches", () => {
    const first = mergeLogLines([], [line("b", 20, "events", "two"), line("a", 10, "events", "one")]);
    expect(first.map((l) => l.id)).toEqual(["a", "b"]);
    // Follow mode asks again from the last timestamp (inclusive): the repeat is dropped.
    const next = mergeLogLines(first, [line("b", 20, "events", "two"), line("c", 30, "events", "three")]);
    expect(next.map((l) => l.message)).toEqual(["one", "two", "three"]);
  });

  it("shows a milestone written to both events and the deployment stream once", () => {
    const merged = mergeLogLines([], [line("e1", 1000, "events", "Build succeeded"), line("d1", 1001, "deployment/op1", "Build succeeded"), line("d2", 1002, "deployment/op1", "npm ci output")]);
    expect(merged.map((l) => l.id)).toEqual(["e1", "d2"]);
  });

  it("keeps the same text when it is really said twice", () => {
    const merged = mergeLogLines([], [line("e1", 1000, "events", "Health check passed"), line("e2", 60_000, "events", "Health check passed"), line("a1", 1000, "instance/i1", "Build succeeded", "application")]);
    expect(merged).toHaveLength(3);
  });

  it("drops the oldest lines past the limit", () => {
    const many = Array.from({ length: 5 }, (_, i) => line(`x${i}`, i, "events", `m${i}`));
    expect(mergeLogLines([], many, 3).map((l) => l.id)).toEqual(["x2", "x3", "x4"]);
  });

  it("names the instance of application output", () => {
    expect(lineOrigin(line("a", 1, "instance/0123456789abcdef", "hi", "application"))).toEqual({ label: "instance 01234567", title: "instance/0123456789abcdef", application: true });
    expect(lineOrigin(line("b", 1, "deployment/op1", "x")).label).toBe("deployment");
  });
});
