import { describe, expect, it } from "vitest";
import { failureReasonOf } from "./failure-reason";

const id = "3f2a9c0e5b7d4e1f8a6c2b9d0e4f7a1c";

describe("failureReasonOf", () => {
  it("reads the reason from App Runner's event line for this operation", () => {
    expect(failureReasonOf(`[AppRunner] Deployment with ID : ${id} failed. Failure reason : Health check failed.`, id)).toBe("Health check failed.");
    expect(failureReasonOf(`Deployment with ID : ${id} failed. Failure reason : Source repository not found: /tmp/x does not exist\n`, id)).toBe("Source repository not found: /tmp/x does not exist");
  });

  it("ignores another operation's line and a line without a reason", () => {
    expect(failureReasonOf("Deployment with ID : 0000 failed. Failure reason : Health check failed.", id)).toBeUndefined();
    expect(failureReasonOf(`Deployment with ID : ${id} failed.`, id)).toBeUndefined();
    expect(failureReasonOf(`Deployment with ID : ${id} failed. Failure reason :   `, id)).toBeUndefined();
  });

  it("keeps a long reason to one short line", () => {
    const reason = failureReasonOf(`Deployment with ID : ${id} failed. Failure reason : ${"x".repeat(1000)}`, id) ?? "";
    expect(reason).toHaveLength(300);
    expect(reason.endsWith("…")).toBe(true);
  });
});
