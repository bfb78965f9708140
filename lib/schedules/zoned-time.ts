// Wall-clock time in an IANA time zone, with nothing but Intl. A schedule is written in local
// time ("08:00 Europe/Berlin"), the scheduler works in instants; these helpers go both ways
// and find the instants where a zone's UTC offset changes (daylight saving).

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 1 = Monday … 7 = Sunday (ISO) */
  weekday: number;
  /** minutes since local midnight, 0…1439 */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (an unknown one throws RangeError there). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!timeZone.trim()) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function parts(instant: number, timeZone: string) {
  const p: Record<string, string> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(new Date(instant))) p[type] = value;
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), weekday: weekdays[p.weekday ?? ""] ?? 0, hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
}

export function localTime(instant: Date | number, timeZone: string): LocalTime {
  const p = parts(+instant, timeZone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, weekday: p.weekday, minute: p.hour * 60 + p.minute };
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +7_200_000). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instants at which the wall clock reads `date` `minute` in the zone: usually one, two in
 * the hour a fall-back repeats, none in the hour a spring-forward skips.
 */
export function instantsOf(date: string, minute: number, timeZone: string): number[] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  const offsets = new Set([offsetAt(wall - 86_400_000, timeZone), offsetAt(wall, timeZone), offsetAt(wall + 86_400_000, timeZone)]);
  const out: number[] = [];
  for (const o of offsets) {
    const t = wall - o;
    if (offsetAt(t, timeZone) === o) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

/** The instants in (from, to] where the zone's offset changes. */
export function offsetChanges(from: number, to: number, timeZone: string): number[] {
  const out: number[] = [];
  const step = 6 * 3_600_000;
  for (let a = from; a < to; a += step) {
    const b = Math.min(a + step, to);
    if (offsetAt(a, timeZone) === offsetAt(b, timeZone)) continue;
    // Bisect to the first millisecond with the new offset.
    let lo = a;
    let hi = b;
    const before = offsetAt(a, timeZone);
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offsetAt(mid, timeZone) === before) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

/** The calendar day after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, "0");

export const formatMinute = (m: number): string => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
