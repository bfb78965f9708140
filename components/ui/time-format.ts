// Time text for the console. The server and the browser's first render print UTC (the server
// does not know the reader's zone); once hydrated, components/ui/time.tsx switches to local time.
// Fixed-width numeric formats, never the locale's: a German and a US reader see the same shape.

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-30 14:05[:09]" in UTC: what the server renders. */
export function utcTime(ms: number, seconds = false): string {
  return new Date(ms).toISOString().slice(0, seconds ? 19 : 16).replace("T", " ");
}

/** "2026-11-30 14:05[:09]" in the browser's local zone. */
export function localTime(ms: number, seconds = false): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ""}`;
}

/** The local zone's offset at that instant: "UTC", "UTC+9", "UTC+5:30", "UTC-3". */
export function offsetLabel(ms: number): string {
  const offset = -new Date(ms).getTimezoneOffset();
  if (offset === 0) return "UTC";
  const abs = Math.abs(offset);
  return `UTC${offset > 0 ? "+" : "-"}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ""}`;
}

/** The browser's zone with its current offset, e.g. "Asia/Tokyo (UTC+09:00)". */
export const zoneName = (): string => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = -new Date().getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${zone} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
};

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
