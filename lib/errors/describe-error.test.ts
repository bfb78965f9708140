import { describe, expect, it } from "vitest";
import { ResourceNotFoundException } from "@aws-sdk/client-apprunner";
import { ActionError } from "@/lib/actions/action-result";
import { describeError } from "@/lib/errors/describe-error";

describe("errors shown to users", () => {
  it("passes our own messages through", () => {
    expect(describeError(new ActionError("Name taken", "conflict"))).toEqual({ message: "Name taken", code: "conflict" });
  });

  it("names AWS errors exactly, with the HTTP status", () => {
    const err = new ResourceNotFoundException({ message: "Service not found", $metadata: { httpStatusCode: 400 } });
    expect(describeError(err)).toEqual({ message: "ResourceNotFoundException: Service not found (HTTP 400)", code: "not_found" });
  });

  it("shows network errors but hides anything unexpected", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(describeError(refused).message).toContain("ECONNREFUSED");
    const internal = describeError(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(internal.code).toBe("internal");
    expect(internal.message).not.toContain("secret");
  });
});
