import { describe, expect, it } from "vitest";
import { serviceUrlState } from "./service-url-state";

describe("serviceUrlState", () => {
  it("links a running service, and one whose deployment or update keeps the current version serving", () => {
    expect(serviceUrlState("RUNNING")).toEqual({ serving: true });
    expect(serviceUrlState("OPERATION_IN_PROGRESS", "START_DEPLOYMENT").serving).toBe(true);
    expect(serviceUrlState("OPERATION_IN_PROGRESS", "UPDATE_SERVICE").serving).toBe(true);
  });

  it("does not link a paused, failed or deleted service and says why", () => {
    expect(serviceUrlState("PAUSED")).toEqual({ serving: false, note: "paused: not serving" });
    expect(serviceUrlState("CREATE_FAILED")).toEqual({ serving: false, note: "creation failed: not serving" });
    expect(serviceUrlState("DELETE_FAILED").serving).toBe(false);
    expect(serviceUrlState("DELETED").serving).toBe(false);
  });

  it("does not link while an operation that stops or starts serving runs, or one it cannot name", () => {
    expect(serviceUrlState("OPERATION_IN_PROGRESS", "CREATE_SERVICE")).toEqual({ serving: false, note: "creating: not serving yet" });
    expect(serviceUrlState("OPERATION_IN_PROGRESS", "PAUSE_SERVICE")).toEqual({ serving: false, note: "pausing: not serving" });
    expect(serviceUrlState("OPERATION_IN_PROGRESS", "RESUME_SERVICE").serving).toBe(false);
    expect(serviceUrlState("OPERATION_IN_PROGRESS")).toEqual({ serving: false, note: "operation in progress: may not serve" });
  });
});
