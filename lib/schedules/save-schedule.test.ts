import { describe, expect, it } from "vitest";
import { ActionError } from "@/lib/actions/action-result";
import { parseSchedule } from "./save-schedule";

describe("parseSchedule", () => {
  it("returns the schedule with exceptions defaulted", () => {
    expect(parseSchedule({ timeZone: "America/New_York", windows: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "19:00" }] })).toEqual({
      timeZone: "America/New_York",
      windows: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "19:00" }],
      exceptions: [],
    });
  });

  it("throws a validation error keyed by each bad field's path, for the form to show at the control", () => {
    let err: unknown;
    try {
      parseSchedule({ timeZone: "Europe/Berln", windows: [{ days: [1], start: "09:00", end: "08:00" }], exceptions: [{ date: "2026-02-30", state: "paused" }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ActionError);
    const fields = (err as ActionError).fieldErrors ?? {};
    expect((err as ActionError).code).toBe("validation");
    expect(Object.keys(fields).sort()).toEqual(["exceptions.0.date", "timeZone", "windows.0.end"]);
    expect(fields.timeZone?.[0]).toMatch(/Unknown time zone/);
  });
});
