// What a schedule asks for at an instant, and when that next changes. Windows are wall-clock
// time in the schedule's zone: "Mon–Fri 08:00–19:00 Europe/Berlin" starts at 07:00 UTC in
// winter and 06:00 UTC in summer. On a spring-forward day a boundary inside the skipped hour
// takes effect at the jump; on a fall-back day the repeated hour is evaluated as the clock
// reads it (a window ending 02:30 ends at its first 02:30 and, if the clock returns into it,
// applies again until the second). Pure: no I/O, tested in schedule-windows.test.ts.
import { toMinute, type Schedule } from "./schedule-model";
import { addDays, instantsOf, localTime, offsetChanges } from "./zoned-time";

export type DesiredState = "running" | "paused";

export function desiredStateAt(schedule: Schedule, instant: Date | number): DesiredState {
  const t = localTime(instant, schedule.timeZone);
  const exception = schedule.exceptions.find((e) => e.date === t.date);
  if (exception) return exception.state;
  const inWindow = schedule.windows.some((w) => w.days.includes(t.weekday) && toMinute(w.start) <= t.minute && t.minute < toMinute(w.end));
  return inWindow ? "running" : "paused";
}

export interface Transition {
  at: Date;
  state: DesiredState;
}

/** Looks this far ahead; a schedule whose state never changes in it has no next transition. */
const HORIZON_DAYS = 15;

/**
 * Every instant in [from, to] at which the desired state could change: where the wall clock
 * crosses a boundary (a window's start or end, a midnight for exceptions) or where the zone's
 * offset jumps. Between two consecutive candidates the state is constant.
 */
function changeCandidates(schedule: Schedule, from: number, to: number): number[] {
  const boundaries = new Set<number>([0]);
  for (const w of schedule.windows) {
    boundaries.add(toMinute(w.start));
    boundaries.add(toMinute(w.end) % 1440);
  }
  const candidates: number[] = [];
  const lastDate = addDays(localTime(to, schedule.timeZone).date, 1);
  for (let date = addDays(localTime(from, schedule.timeZone).date, -1); date <= lastDate; date = addDays(date, 1)) {
    for (const m of boundaries) candidates.push(...instantsOf(date, m, schedule.timeZone));
  }
  candidates.push(...offsetChanges(from, to, schedule.timeZone));
  return [...new Set(candidates)].filter((c) => c >= from && c <= to).sort((a, b) => a - b);
}

/**
 * The first instant after `from` at which the desired state differs from the one at `from`,
 * or null when it never changes (e.g. windows covering the whole week).
 */
export function nextTransition(schedule: Schedule, from: Date | number): Transition | null {
  const start = +from;
  const current = desiredStateAt(schedule, start);
  for (const c of changeCandidates(schedule, start + 1, start + (HORIZON_DAYS + 1) * 86_400_000)) {
    const state = desiredStateAt(schedule, c);
    if (state !== current) return { at: new Date(c), state };
  }
  return null;
}

/**
 * Milliseconds in [from, to) during which the schedule keeps the service paused, read from
 * the real calendar: exceptions on dates inside the span count, and a daylight-saving change
 * makes its day 23 or 25 hours long.
 */
export function pausedMsBetween(schedule: Schedule, from: Date | number, to: Date | number): number {
  const [start, end] = [+from, +to];
  if (end <= start) return 0;
  const points = [start, ...changeCandidates(schedule, start, end).filter((c) => c > start && c < end), end];
  let paused = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    if (desiredStateAt(schedule, points[i]!) === "paused") paused += points[i + 1]! - points[i]!;
  }
  return paused;
}

/** The next instant the schedule pauses the service and the next it resumes it. */
export function nextPauseAndResume(schedule: Schedule, from: Date | number): { pause: Date | null; resume: Date | null } {
  const first = nextTransition(schedule, from);
  if (!first) return { pause: null, resume: null };
  const second = nextTransition(schedule, first.at);
  const pause = first.state === "paused" ? first.at : second?.state === "paused" ? second.at : null;
  const resume = first.state === "running" ? first.at : second?.state === "running" ? second.at : null;
  return { pause, resume };
}
