// The one place where fake error objects are fine: this maps error shapes to words.
import { describe, expect, it } from "vitest";
import { describeAwsError, formatAwsError } from "./aws-error";

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
