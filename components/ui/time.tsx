"use client";
// The one way the console shows an instant. The server and the hydrating render print UTC (the
// same text on both sides, so no React #418); once hydrated, the reader's own zone with its
// offset. The UTC value stays in the tooltip and in the machine-readable dateTime.
import { localTime, offsetLabel, utcTime } from "./time-format";
import { useHydrated } from "./use-hydrated";

export function Time({
  value,
  seconds = false,
  timeOnly = false,
  zone = true,
  className,
}: {
  /** An ISO 8601 instant (a Date is not serialisable from a Server Component), or epoch ms. */
  value: string | number | null | undefined;
  seconds?: boolean;
  /** Only the time of day (e.g. a second time on the same row). */
  timeOnly?: boolean;
  /** Print the zone after the time; off where a heading or footer already names it. */
  zone?: boolean;
  className?: string;
}) {
  const local = useHydrated();
  const ms = typeof value === "number" ? value : value ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) return <span className={className}>—</span>;
  const utc = utcTime(ms, seconds);
  const full = local ? localTime(ms, seconds) : utc;
  const text = timeOnly ? full.slice(11) : full;
  const label = local ? offsetLabel(ms) : "UTC";
  return (
    <time dateTime={new Date(ms).toISOString()} title={`${utcTime(ms, true)} UTC`} className={className}>
      {zone ? `${text}\u00a0${label}` : text}
    </time>
  );
}
