import { describe, expect, it } from "vitest";
import { isCrossOrigin } from "@/lib/actions/origin";

describe("Server Action origin check", () => {
  it("accepts same-host origins and requests without Origin", () => {
    expect(isCrossOrigin({ origin: "http://localhost:3000", host: "localhost:3000" })).toBe(false);
    expect(isCrossOrigin({ origin: "https://Runway.Example.com", host: "runway.example.com" })).toBe(false);
    expect(isCrossOrigin({ origin: null, host: "localhost:3000" })).toBe(false);
  });

  it("rejects other hosts, other ports, opaque and malformed origins", () => {
    expect(isCrossOrigin({ origin: "https://evil.example", host: "localhost:3000" })).toBe(true);
    expect(isCrossOrigin({ origin: "http://localhost:3001", host: "localhost:3000" })).toBe(true);
    expect(isCrossOrigin({ origin: "null", host: "localhost:3000" })).toBe(true);
    expect(isCrossOrigin({ origin: "::::", host: "localhost:3000" })).toBe(true);
  });
});
