// A weekly schedule as the form sends it and the database stores it. One zod schema for form
// and server: every bad input (no window, an empty or overlapping window, an unknown zone, a
// repeated exception date) is a field error, so nothing is saved until all of it is right.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";
import { formatMinute, isKnownTimeZone } from "./zoned-time";

export const dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

const hhmm = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM (00:00 to 24:00)");

export const windowSchema = z.object({
  /** 1 = Monday … 7 = Sunday */
  days: z.array(z.coerce.number().int().min(1).max(7)).min(1, "Pick at least one day"),
  start: hhmm,
  end: hhmm,
});

export const exceptionSchema = z.object({
  date: z.iso.date("Use a date YYYY-MM-DD"),
  state: z.enum(["running", "paused"]),
});

export type WeeklyWindow = z.infer<typeof windowSchema>;
export type ScheduleException = z.infer<typeof exceptionSchema>;

export interface Schedule {
  timeZone: string;
  windows: WeeklyWindow[];
  exceptions: ScheduleException[];
}

export const toMinute = (hm: string): number => {
  const [h, m] = hm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

export const scheduleSchema = z
  .object({
    timeZone: z.string().trim().min(1, "Enter a time zone").refine(isKnownTimeZone, "Unknown time zone (use an IANA name such as Europe/Berlin)"),
    windows: z.array(windowSchema).min(1, "Add at least one window: a schedule with none would keep the service paused").max(28),
    exceptions: z.array(exceptionSchema).max(366).default([]),
  })
  .superRefine((s, ctx) => {
    s.windows.forEach((w, i) => {
      if (toMinute(w.end) <= toMinute(w.start)) {
        ctx.addIssue({ code: "custom", path: ["windows", i, "end"], message: `Ends at or before it starts (${w.start}–${w.end}); split a window that crosses midnight in two` });
      }
    });
    const clash = firstOverlap(s.windows);
    if (clash) ctx.addIssue({ code: "custom", path: ["windows", clash.later, "start"], message: clash.message });
    const seen = new Set<string>();
    s.exceptions.forEach((e, i) => {
      if (seen.has(e.date)) ctx.addIssue({ code: "custom", path: ["exceptions", i, "date"], message: `${e.date} is listed twice` });
      seen.add(e.date);
    });
  });

export type ScheduleInput = z.input<typeof scheduleSchema>;

/** Two windows that share a day and a minute. */
export function firstOverlap(windows: readonly WeeklyWindow[]): { earlier: number; later: number; message: string } | null {
  for (let j = 1; j < windows.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = windows[i]!;
      const b = windows[j]!;
      const day = a.days.find((d) => b.days.includes(d));
      if (day === undefined) continue;
      const [as, ae, bs, be] = [toMinute(a.start), toMinute(a.end), toMinute(b.start), toMinute(b.end)];
      if (as < be && bs < ae) {
        return { earlier: i, later: j, message: `Overlaps window ${i + 1} on ${dayNames[day - 1]} (${formatMinute(Math.max(as, bs))}–${formatMinute(Math.min(ae, be))})` };
      }
    }
  }
  return null;
}

/** "Mon–Fri 08:00–19:00" */
export function describeWindow(w: WeeklyWindow): string {
  const days = [...new Set(w.days)].sort((a, b) => a - b);
  const run = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const label = run ? `${dayNames[days[0]! - 1]}–${dayNames[days.at(-1)! - 1]}` : days.map((d) => dayNames[d - 1]).join(", ");
  return `${label} ${w.start}–${w.end}`;
}
