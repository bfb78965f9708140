import { describe, expect, it } from "vitest";
import { pollDelayMs, toLiveStatusData } from "./live-status-data";
import type { OperationView } from "./service-view";

const op = (id: string, status: string, running: boolean): OperationView => ({ id, type: "START_DEPLOYMENT", status, running });

describe("live status data", () => {
  it("names the running operation only while the service says an operation is in progress", () => {
    const running = op("b", "IN_PROGRESS", true);
    expect(toLiveStatusData("OPERATION_IN_PROGRESS", { current: running, latest: running })).toEqual({
      status: "OPERATION_IN_PROGRESS",
      operation: { id: "b", type: "START_DEPLOYMENT", status: "IN_PROGRESS" },
      latest: { id: "b", type: "START_DEPLOYMENT", status: "IN_PROGRESS" },
    });
    // The service is RUNNING again: no operation in progress, whatever ListOperations says a moment later.
    expect(toLiveStatusData("RUNNING", { current: running, latest: running }).operation).toBeUndefined();
    expect(toLiveStatusData("RUNNING", { latest: op("b", "SUCCEEDED", false) })).toEqual({ status: "RUNNING", latest: { id: "b", type: "START_DEPLOYMENT", status: "SUCCEEDED" } });
  });

  it("polls tightly at first and slower for long operations", () => {
    expect(pollDelayMs(0)).toBeLessThanOrEqual(250);
    expect(pollDelayMs(90_000)).toBeGreaterThan(pollDelayMs(0));
    expect(pollDelayMs(10 * 60_000)).toBeGreaterThan(pollDelayMs(90_000));
  });
});
