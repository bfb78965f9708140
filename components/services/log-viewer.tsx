"use client";
// Logs tab and the deployment log under a running operation. A time range + search
// (FilterLogEvents) reads a window; follow mode polls for lines newer than the last one seen.
// Oldest at the top, newest at the bottom; the view sticks to the bottom unless the reader
// scrolled up, and then offers a jump back to the latest line.
import { useCallback, useEffect, useRef, useState } from "react";
import { lineOrigin, mergeLogLines } from "@/lib/logs/log-lines";
import type { LogLine } from "@/lib/logs/read-log-events";
import { zoneName } from "@/components/ui/time-format";
import { Time } from "@/components/ui/time";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/form-message";

const ranges = [
  { label: "15 minutes", ms: 15 * 60_000 },
  { label: "1 hour", ms: 3_600_000 },
  { label: "6 hours", ms: 6 * 3_600_000 },
  { label: "24 hours", ms: 24 * 3_600_000 },
  { label: "7 days", ms: 7 * 24 * 3_600_000 },
];
const MAX_LINES = 2000;
/** rangeMs value of the "Custom" choice: an absolute from/to window (browser local time). */
const CUSTOM = -1;

export function LogViewer({
  region,
  id,
  streamPrefix,
  defaultSource = "all",
  defaultFollow = false,
  compact = false,
}: {
  region: string;
  id: string;
  streamPrefix?: string;
  defaultSource?: "all" | "service" | "application";
  defaultFollow?: boolean;
  compact?: boolean;
}) {
  const [source, setSource] = useState(defaultSource);
  const [rangeMs, setRangeMs] = useState(ranges[1]?.ms ?? 3_600_000);
  const [search, setSearch] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [applied, setApplied] = useState({ source: defaultSource, rangeMs: ranges[1]?.ms ?? 3_600_000, search: "", from: 0, to: 0 });
  const [follow, setFollow] = useState(defaultFollow);
  const [lines, setLines] = useState<LogLine[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const last = useRef(0);
  const box = useRef<HTMLDivElement>(null);
  // Whether the view sits at the newest line: new lines then keep it there.
  const [atBottom, setAtBottom] = useState(true);
  const client = useHydrated();

  const fetchLines = useCallback(
    async (since?: number) => {
      const sp = new URLSearchParams();
      if (applied.source !== "all") sp.set("source", applied.source);
      if (applied.search) sp.set("q", applied.search);
      if (streamPrefix) sp.set("stream", streamPrefix);
      if (since !== undefined) sp.set("since", String(since));
      else if (applied.rangeMs === CUSTOM) {
        if (applied.from) sp.set("start", String(applied.from));
        if (applied.to) sp.set("end", String(applied.to));
      } else sp.set("start", String(Date.now() - applied.rangeMs));
      const res = await fetch(`/api/services/${encodeURIComponent(region)}/${encodeURIComponent(id)}/logs?${sp}`, { cache: "no-store" });
      const body = (await res.json()) as { lines?: LogLine[]; message?: string; code?: string };
      if (!res.ok) throw new Error(`${body.message ?? res.statusText}${body.code ? ` (${body.code})` : ""}`);
      return body.lines ?? [];
    },
    [applied, region, id, streamPrefix],
  );

  const append = useCallback((incoming: LogLine[], reset: boolean) => {
    if (reset) last.current = 0;
    for (const l of incoming) last.current = Math.max(last.current, l.timestamp);
    setLines((prev) => mergeLogLines(reset ? [] : prev, incoming, MAX_LINES));
  }, []);

  useEffect(() => {
    let cancelled = false;
    fetchLines()
      .then((l) => !cancelled && (append(l, true), setError(null)))
      .catch((e: Error) => !cancelled && setError(e.message))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [fetchLines, append]);

  useEffect(() => {
    if (!follow) return;
    const timer = setInterval(() => {
      // FilterLogEvents' startTime is inclusive: ids filter the repeat of the last line.
      fetchLines(last.current || Date.now() - 60_000)
        .then((l) => (append(l, false), setError(null)))
        .catch((e: Error) => setError(e.message));
    }, 1_500);
    return () => clearInterval(timer);
  }, [follow, fetchLines, append]);

  useEffect(() => {
    if (atBottom && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines, atBottom]);

  function jumpToLatest() {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
    setAtBottom(true);
  }

  return (
    <div className="space-y-2">
      {!compact ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setLoading(true);
            const ms = (v: string) => (v ? new Date(v).getTime() || 0 : 0);
            setApplied({ source, rangeMs, search: search.trim(), from: ms(from), to: ms(to) });
          }}
        >
          <select aria-label="Log source" className="input w-48" value={source} onChange={(e) => setSource(e.target.value as typeof source)}>
            <option value="all">All logs</option>
            <option value="service">Service events</option>
            <option value="application">Application output</option>
          </select>
          <select aria-label="Time range" className="input w-36" value={rangeMs} onChange={(e) => setRangeMs(Number(e.target.value))}>
            {ranges.map((r) => (
              <option key={r.ms} value={r.ms}>
                Last {r.label}
              </option>
            ))}
            <option value={CUSTOM}>Custom range</option>
          </select>
          {rangeMs === CUSTOM ? (
            <>
              <input type="datetime-local" aria-label="From" className="input w-52" value={from} onChange={(e) => setFrom(e.target.value)} />
              <input type="datetime-local" aria-label="To" className="input w-52" value={to} onChange={(e) => setTo(e.target.value)} />
            </>
          ) : null}
          <input aria-label="Search logs" className="input w-56" placeholder="Search text" value={search} onChange={(e) => setSearch(e.target.value)} />
          <Button type="submit" variant="secondary">
            Show
          </Button>
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
          </label>
        </form>
      ) : null}
      <InlineError message={error} />
      <div className="relative">
        <div
          ref={box}
          role="log"
          aria-label={compact ? "Operation log" : "Service log"}
          data-testid="log-lines"
          aria-busy={loading}
          onScroll={(e) => {
            const el = e.currentTarget;
            setAtBottom(el.scrollHeight - el.scrollTop - el.clientHeight < 24);
          }}
          className="surface max-h-[28rem] min-h-24 overflow-auto p-3 font-mono text-xs leading-5 break-words whitespace-pre-wrap"
        >
          {lines.length === 0 ? <span className="muted">{loading ? "Loading…" : "No log lines in this range."}</span> : null}
          {lines.map((l) => {
            const origin = lineOrigin(l);
            return (
              <div key={l.id} data-origin={origin.application ? "application" : "platform"} className={origin.application ? "border-l-2 border-emerald-500/60 pl-2" : "border-l-2 border-transparent pl-2"}>
                <Time value={l.timestamp} seconds zone={false} className="muted" />{" "}
                <span className={origin.application ? "text-emerald-700 dark:text-emerald-300" : "text-blue-700 dark:text-blue-300"} title={origin.title}>
                  [{origin.label}]
                </span>{" "}
                {l.message}
              </div>
            );
          })}
        </div>
        {!atBottom && lines.length > 0 ? (
          <Button variant="secondary" className="absolute right-3 bottom-3 text-xs shadow" onClick={jumpToLatest}>
            Jump to latest ↓
          </Button>
        ) : null}
      </div>
      <p className="muted text-xs">Oldest first; times in {client ? zoneName() : "UTC"}.</p>
    </div>
  );
}
