import { describe, expect, it } from "vitest";
import { z } from "zod";
import { scheduleSchema, type Schedule } from "./schedule-model";
import { desiredStateAt, nextPauseAndResume, nextTransition, pausedMsBetween } from "./schedule-windows";

const weekdays = (timeZone: string, start = "08:00", end = "19:00"): Schedule => ({ timeZone, windows: [{ days: [1, 2, 3, 4, 5], start, end }], exceptions: [] });
const at = (iso: string) => new Date(iso);
const next = (s: Schedule, from: string) => {
  const t = nextTransition(s, at(from));
  return t ? `${t.state} ${t.at.toISOString()}` : null;
};

describe("Europe/Berlin across daylight saving (2026: summer time 29 Mar 01:00 UTC to 25 Oct 01:00 UTC)", () => {
  const berlin = weekdays("Europe/Berlin");

  it("runs at 08:00 local: 07:00 UTC in winter, 06:00 UTC in summer", () => {
    expect(next(berlin, "2026-03-22T12:00:00Z")).toBe("running 2026-03-23T07:00:00.000Z");
    expect(next(berlin, "2026-03-27T18:00:00Z")).toBe("running 2026-03-30T06:00:00.000Z");
    expect(desiredStateAt(berlin, at("2026-03-30T06:30:00Z"))).toBe("running");
    expect(desiredStateAt(berlin, at("2026-03-23T06:30:00Z"))).toBe("paused");
  });

  it("pauses at 19:00 local on both sides of the autumn change", () => {
    expect(next(berlin, "2026-03-27T12:00:00Z")).toBe("paused 2026-03-27T18:00:00.000Z");
    expect(next(berlin, "2026-10-23T12:00:00Z")).toBe("paused 2026-10-23T17:00:00.000Z");
    expect(next(berlin, "2026-10-23T17:00:00Z")).toBe("running 2026-10-26T07:00:00.000Z");
  });

  it("evaluates the repeated hour of the fall-back night by the clock", () => {
    const night: Schedule = { timeZone: "Europe/Berlin", windows: [{ days: [7], start: "01:00", end: "02:30" }], exceptions: [] };
    expect(desiredStateAt(night, at("2026-10-25T00:15:00Z"))).toBe("running"); // 02:15 CEST
    expect(desiredStateAt(night, at("2026-10-25T00:45:00Z"))).toBe("paused"); // 02:45 CEST
    expect(desiredStateAt(night, at("2026-10-25T01:15:00Z"))).toBe("running"); // 02:15 CET, again
    expect(next(night, "2026-10-25T00:45:00Z")).toBe("running 2026-10-25T01:00:00.000Z");
    expect(next(night, "2026-10-25T01:00:00Z")).toBe("paused 2026-10-25T01:30:00.000Z");
  });
});

describe("America/New_York across daylight saving (2026: 8 Mar 07:00 UTC to 1 Nov 06:00 UTC)", () => {
  const ny = weekdays("America/New_York");

  it("keeps 08:00–19:00 local on both sides of the spring change", () => {
    expect(next(ny, "2026-03-06T15:00:00Z")).toBe("paused 2026-03-07T00:00:00.000Z"); // 19:00 EST
    expect(next(ny, "2026-03-07T00:00:00Z")).toBe("running 2026-03-09T12:00:00.000Z"); // 08:00 EDT
    expect(next(ny, "2026-10-30T15:00:00Z")).toBe("paused 2026-10-30T23:00:00.000Z"); // 19:00 EDT
    expect(next(ny, "2026-10-30T23:00:00Z")).toBe("running 2026-11-02T13:00:00.000Z"); // 08:00 EST
  });

  it("starts a window that begins in the skipped hour at the jump", () => {
    const s: Schedule = { timeZone: "America/New_York", windows: [{ days: [7], start: "02:30", end: "03:30" }], exceptions: [] };
    expect(next(s, "2026-03-08T06:00:00Z")).toBe("running 2026-03-08T07:00:00.000Z"); // the clock jumps 02:00 -> 03:00
    expect(next(s, "2026-03-08T07:00:00Z")).toBe("paused 2026-03-08T07:30:00.000Z"); // 03:30 EDT
  });

  it("never runs a window that lies wholly in the skipped hour", () => {
    const s: Schedule = { timeZone: "America/New_York", windows: [{ days: [7], start: "02:00", end: "02:45" }], exceptions: [] };
    expect(next(s, "2026-03-08T05:00:00Z")).toBe("running 2026-03-15T06:00:00.000Z"); // next Sunday, 02:00 EDT
  });
});

describe("the next fire time", () => {
  it("honours single-date exceptions at local midnight", () => {
    const s: Schedule = { ...weekdays("Europe/Berlin"), exceptions: [{ date: "2026-12-25", state: "paused" }, { date: "2026-12-26", state: "running" }] };
    // Thursday 24 Dec pauses at 19:00 CET; Friday 25 is a holiday; Saturday 26 runs all day from midnight.
    expect(next(s, "2026-12-24T17:00:00Z")).toBe("paused 2026-12-24T18:00:00.000Z");
    expect(next(s, "2026-12-24T18:00:00Z")).toBe("running 2026-12-25T23:00:00.000Z");
    expect(next(s, "2026-12-25T23:00:00Z")).toBe("paused 2026-12-26T23:00:00.000Z");
    expect(desiredStateAt(s, at("2026-12-25T10:00:00Z"))).toBe("paused");
  });

  it("gives both the next pause and the next resume", () => {
    const r = nextPauseAndResume(weekdays("Europe/Berlin"), at("2026-06-10T10:00:00Z"));
    expect(r.pause?.toISOString()).toBe("2026-06-10T17:00:00.000Z");
    expect(r.resume?.toISOString()).toBe("2026-06-11T06:00:00.000Z");
  });

  it("has none when the windows cover the whole week", () => {
    const always: Schedule = { timeZone: "UTC", windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" }], exceptions: [] };
    expect(nextTransition(always, at("2026-06-10T10:00:00Z"))).toBeNull();
    expect(desiredStateAt(always, at("2026-06-10T23:59:30Z"))).toBe("running");
  });

  it("counts paused time over a span from the calendar, daylight saving and exceptions included", () => {
    const hours = (s: Schedule, from: string, to: string) => pausedMsBetween(s, at(from), at(to)) / 3_600_000;
    // A plain week: 168 − 5 × 11 = 113 paused hours.
    expect(hours(weekdays("UTC"), "2026-06-08T00:00:00Z", "2026-06-15T00:00:00Z")).toBe(113);
    // Berlin's spring-forward week (Mon 22 to Mon 29 Mar 2027, local midnights) lasts 167 hours: 112 paused.
    expect(hours(weekdays("Europe/Berlin"), "2027-03-21T23:00:00Z", "2027-03-28T22:00:00Z")).toBe(112);
    // A week with Wednesday kept running and Saturday paused by exception: Wednesday's 13 paused hours go.
    const withExceptions: Schedule = { ...weekdays("UTC"), exceptions: [{ date: "2026-06-10", state: "running" }, { date: "2026-06-13", state: "paused" }] };
    expect(hours(withExceptions, "2026-06-08T00:00:00Z", "2026-06-15T00:00:00Z")).toBe(100);
    // Windows covering the week, paused for one day three weeks out (beyond nextTransition's horizon).
    const always: Schedule = { timeZone: "UTC", windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" }], exceptions: [{ date: "2026-07-01", state: "paused" }] };
    expect(hours(always, "2026-06-08T00:00:00Z", "2026-07-08T00:00:00Z")).toBe(24);
    expect(hours(always, "2026-06-08T06:30:00Z", "2026-06-08T06:30:00Z")).toBe(0);
  });
});

describe("bad input is a field error", () => {
  const errors = (input: unknown) => {
    const r = scheduleSchema.safeParse(input);
    return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("accepts a good schedule", () => {
    expect(errors({ timeZone: "Europe/Berlin", windows: [{ days: [1, 2], start: "08:00", end: "12:00" }, { days: [2], start: "12:00", end: "19:00" }] })).toBeNull();
  });

  it("refuses an unknown time zone", () => {
    expect(errors({ timeZone: "Mars/Olympus_Mons", windows: [{ days: [1], start: "08:00", end: "19:00" }] })).toEqual({ timeZone: expect.stringMatching(/Unknown time zone/) });
  });

  it("refuses empty and overlapping windows, and no window at all", () => {
    expect(errors({ timeZone: "UTC", windows: [] })).toEqual({ windows: expect.stringMatching(/at least one window/) });
    expect(errors({ timeZone: "UTC", windows: [{ days: [1], start: "10:00", end: "10:00" }] })).toEqual({ "windows.0.end": expect.stringMatching(/Ends at or before it starts/) });
    expect(errors({ timeZone: "UTC", windows: [{ days: [], start: "08:00", end: "10:00" }] })).toEqual({ "windows.0.days": "Pick at least one day" });
    expect(errors({ timeZone: "UTC", windows: [{ days: [1, 3], start: "08:00", end: "12:00" }, { days: [3], start: "11:00", end: "13:00" }] })).toEqual({ "windows.1.start": "Overlaps window 1 on Wed (11:00–12:00)" });
  });

  it("refuses a date listed twice", () => {
    const e = errors({ timeZone: "UTC", windows: [{ days: [1], start: "08:00", end: "09:00" }], exceptions: [{ date: "2026-12-25", state: "paused" }, { date: "2026-12-25", state: "running" }] });
    expect(e).toEqual({ "exceptions.1.date": "2026-12-25 is listed twice" });
    expect(z.flattenError(scheduleSchema.safeParse({ timeZone: "UTC", windows: [{ days: [1], start: "25:00", end: "26:00" }] }).error!).fieldErrors.windows).toBeTruthy();
  });
});
