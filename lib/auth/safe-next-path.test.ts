import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

describe("safeNextPath", () => {
  it("keeps paths on this console, with query and fragment", () => {
    expect(safeNextPath("/services?x=1")).toBe("/services?x=1");
    expect(safeNextPath("/services/us-east-1/abc#logs")).toBe("/services/us-east-1/abc#logs");
    expect(safeNextPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash pair", "\\\\evil.example"],
    ["tab (browsers strip it)", "/\t/evil.example/phish"],
    ["newline", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["leading space", " //evil.example"],
    ["absolute URL", "https://evil.example"],
    ["scheme without slashes", "javascript:alert(1)"],
    ["dot segments up to //", "/.//evil.example"],
    ["empty", ""],
  ])("refuses %s", (_label, next) => {
    expect(safeNextPath(next)).toBeNull();
  });

  it("refuses a missing value", () => {
    expect(safeNextPath(undefined)).toBeNull();
  });
});
