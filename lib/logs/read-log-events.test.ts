import { describe, expect, it } from "vitest";
import { literalFilterPattern } from "./read-log-events";
import { serviceLogGroup } from "./service-log-groups";

describe("log queries", () => {
  it("quotes search text so CloudWatch matches it literally", () => {
    expect(literalFilterPattern("  ")).toBeUndefined();
    expect(literalFilterPattern("Health check")).toBe('"Health check"');
    expect(literalFilterPattern('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
  });

  it("names App Runner's log groups", () => {
    expect(serviceLogGroup("web", "abc", "application")).toBe("/aws/apprunner/web/abc/application");
  });
});
