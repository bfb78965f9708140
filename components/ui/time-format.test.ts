import { afterEach, describe, expect, it } from "vitest";
import { localTime, offsetLabel, utcTime } from "./time-format";

const at = Date.parse("2026-11-30T14:05:09Z");
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("time text", () => {
  it("prints UTC the same whatever the process's zone", () => {
    process.env.TZ = "Asia/Tokyo";
    expect(utcTime(at)).toBe("2026-11-30 14:05");
    expect(utcTime(at, true)).toBe("2026-11-30 14:05:09");
  });

  it("prints local time and its offset in the reader's zone", () => {
    process.env.TZ = "Asia/Tokyo";
    expect(localTime(at, true)).toBe("2026-11-30 23:05:09");
    expect(offsetLabel(at)).toBe("UTC+9");
    process.env.TZ = "Asia/Kolkata";
    expect(offsetLabel(at)).toBe("UTC+5:30");
    process.env.TZ = "America/Sao_Paulo";
    expect(offsetLabel(at)).toBe("UTC-3");
    process.env.TZ = "UTC";
    expect(offsetLabel(at)).toBe("UTC");
  });
});
