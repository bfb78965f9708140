import { describe, expect, it } from "vitest";
import { operationName, serviceStatusLabel, statusLabel, statusTone } from "./status-labels";

describe("status labels", () => {
  it("names App Runner statuses in plain words", () => {
    expect(statusLabel("PENDING_CERTIFICATE_DNS_VALIDATION")).toBe("Waiting for DNS validation");
    expect(statusLabel("RUNNING")).toBe("Running");
    expect(statusLabel("ROLLBACK_SUCCEEDED")).toBe("Rolled back");
    expect(statusTone("CREATE_FAILED")).toBe("red");
    // Custom domain statuses come back in lower case from App Runner.
    expect(statusLabel("pending_certificate_dns_validation")).toBe("Waiting for DNS validation");
    expect(statusTone("active")).toBe("green");
  });

  it("says which operation is in progress", () => {
    expect(serviceStatusLabel("OPERATION_IN_PROGRESS", "START_DEPLOYMENT")).toBe("Deployment in progress");
    expect(serviceStatusLabel("OPERATION_IN_PROGRESS")).toBe("Operation in progress");
    expect(serviceStatusLabel("RUNNING", "START_DEPLOYMENT")).toBe("Running");
    expect(operationName("UPDATE_SERVICE")).toBe("Configuration update");
  });

  it("still reads for a status the table does not know", () => {
    expect(statusLabel("SOME_NEW_STATE")).toBe("Some new state");
    expect(statusTone("SOME_NEW_STATE")).toBe("neutral");
  });
});
