// The one place where fake error objects are fine: this maps error shapes to words.
import { describe, expect, it } from "vitest";
import { ResourceNotFoundException } from "@aws-sdk/client-apprunner";
import { ActionError } from "@/lib/actions/action-result";
import { describeAwsError, describeError, formatAwsError } from "./aws-error";

const sdkError = (name: string, message: string, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("describeAwsError", () => {
  it("names throttling and marks it retryable", () => {
    const e = describeAwsError(sdkError("ThrottlingException", "Rate exceeded"));
    expect(e).toMatchObject({ code: "ThrottlingException", retryable: true });
    expect(e.message).toMatch(/throttling/i);
  });

  it("keeps AWS's own detail after the plain words", () => {
    const e = describeAwsError(sdkError("InvalidStateException", "Service is in PAUSED state"));
    expect(e.message).toBe("The service is not in a state that allows this operation. Service is in PAUSED state");
    expect(formatAwsError(sdkError("ResourceNotFoundException", "no such service"))).toMatch(/no longer exists.*\(ResourceNotFoundException\)$/);
  });

  it("explains access denied", () => {
    expect(describeAwsError(sdkError("AccessDeniedException", "")).message).toMatch(/not allowed/);
  });

  it("recognises an unreachable endpoint", () => {
    const err = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4580"), { code: "ECONNREFUSED" });
    expect(describeAwsError(err)).toMatchObject({ code: "ECONNREFUSED", retryable: true });
    expect(describeAwsError(err).message).toMatch(/could not be reached/);
  });

  it("falls back to the message for unknown errors and flags 5xx as retryable", () => {
    expect(describeAwsError(sdkError("WeirdException", "odd"))).toEqual({ code: "WeirdException", message: "odd", retryable: false });
    expect(describeAwsError(sdkError("Boom", "down", 503)).retryable).toBe(true);
  });
});

describe("describeError (what an action shows)", () => {
  it("passes our own messages through", () => {
    expect(describeError(new ActionError("Name taken", "conflict"))).toEqual({ message: "Name taken", code: "conflict" });
  });

  it("words AWS errors like every other screen, naming the exact error", () => {
    const err = new ResourceNotFoundException({ message: "Service not found", $metadata: { httpStatusCode: 400 } });
    expect(describeError(err)).toEqual({ message: "The service (or resource) no longer exists. Service not found (ResourceNotFoundException)", code: "not_found" });
  });

  it("shows network and connection errors but hides anything unexpected", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(describeError(refused)).toMatchObject({ code: "upstream", message: expect.stringContaining("ECONNREFUSED") });
    const region = Object.assign(new Error("Region moon-1 is not one of the regions of connection \"Prod\""), { name: "AwsContextError" });
    expect(describeError(region).message).toContain("moon-1");
    const internal = describeError(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(internal.code).toBe("internal");
    expect(internal.message).not.toContain("secret");
  });
});
