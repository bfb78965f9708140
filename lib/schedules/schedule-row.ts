// A stored schedule (prisma ServiceSchedule) to the pure model and back. The JSON columns were
// validated by scheduleSchema when saved; a row edited by hand that no longer parses throws
// here, and the scheduler records that as the schedule's error instead of guessing.
import "server-only";
import type { Db } from "@/lib/db";
import { scheduleSchema, type Schedule } from "./schedule-model";

export type ScheduleRow = Awaited<ReturnType<Db["serviceSchedule"]["findFirstOrThrow"]>>;

export function scheduleOf(row: Pick<ScheduleRow, "timeZone" | "windows" | "exceptions">): Schedule {
  return scheduleSchema.parse({ timeZone: row.timeZone, windows: JSON.parse(row.windows), exceptions: JSON.parse(row.exceptions) });
}

/** Retry delay after `failures` consecutive failures: 5 s, 10 s, 20 s … capped at 5 minutes. */
export function retryDelayMs(failures: number, baseMs = 5_000, capMs = 300_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
}

/** With no transition ahead (windows cover the week), look again after this long. */
export const IDLE_RECHECK_MS = 24 * 3_600_000;
