import { describe, expect, it } from "vitest";
import { metricsErrorBody } from "./metrics-error";

const awsError = (name: string, message: string, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("metricsErrorBody", () => {
  it("keeps AWS's own words and names the action it denied", () => {
    const err = awsError("AccessDenied", "User: arn:aws:iam::123456789012:user/ro is not authorized to perform: cloudwatch:GetMetricData because no identity-based policy allows the cloudwatch:GetMetricData action", 403);
    const { body, status } = metricsErrorBody(err, "cloudwatch:GetMetricData");
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: "AccessDenied", deniedAction: "cloudwatch:GetMetricData" });
    expect(body.message).toContain("is not authorized to perform");
  });

  it("falls back to the attempted action when the message names none", () => {
    expect(metricsErrorBody(awsError("AccessDeniedException", "Access denied"), "apprunner:ListServices").body.deniedAction).toBe("apprunner:ListServices");
  });

  it("passes other failures through without a denied action", () => {
    const { body, status } = metricsErrorBody(awsError("InvalidParameterValueException", "The parameter Period must be 1, 5, 10, 30 or a multiple of 60"), "cloudwatch:GetMetricData");
    expect(status).toBe(502);
    expect(body.deniedAction).toBeUndefined();
    expect(body.message).toContain("Period must be");
  });
});
