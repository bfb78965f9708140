// Metric times in the browser's local zone; the zone is shown next to every chart set.
export const zoneName = (): string => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = -new Date().getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${zone} (UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")})`;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-30 14:05" in local time */
export function localTime(ms: number, seconds = false): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ""}`;
}

/** Axis ticks: time only within a day, else date and time. */
export function tickFormatter(spanMs: number): (ms: number) => string {
  return (ms) => {
    const d = new Date(ms);
    const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    return spanMs <= 86_400_000 ? hm : `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
  };
}

/** The value a datetime-local input shows for a time. */
export const toInputValue = (ms: number): string => localTime(ms).replace(" ", "T");
