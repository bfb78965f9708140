"use client";
// Logs tab and the deployment log under a running operation. A time range + search
// (FilterLogEvents) reads a window; it then polls for lines newer than the last one seen while
// the reader follows the tail or an operation runs (use-log-lines.ts, TanStack Query).
// Oldest at the top, newest at the bottom; the view sticks to the bottom unless the reader
// scrolled up, and then offers a jump back to the latest line.
import { useEffect, useRef, useState } from "react";
import { lineOrigin } from "@/lib/logs/log-lines";
import { zoneName } from "@/components/ui/time-format";
import { Time } from "@/components/ui/time";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/form-message";
import { useOperationRunning } from "./live-status";
import { CUSTOM_RANGE as CUSTOM, useLogLines, type LogWindowQuery } from "./use-log-lines";

const ranges = [
  { label: "15 minutes", ms: 15 * 60_000 },
  { label: "1 hour", ms: 3_600_000 },
  { label: "6 hours", ms: 6 * 3_600_000 },
  { label: "24 hours", ms: 24 * 3_600_000 },
  { label: "7 days", ms: 7 * 24 * 3_600_000 },
];

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
  const [applied, setApplied] = useState<LogWindowQuery>({ source: defaultSource, rangeMs: ranges[1]?.ms ?? 3_600_000, search: "", from: 0, to: 0, shown: 0 });
  const [follow, setFollow] = useState(defaultFollow);
  // New lines arrive on their own while an operation runs (not into a custom window in the past).
  const busy = useOperationRunning(region, id);
  const { data, error, isPending, isPlaceholderData } = useLogLines({ region, id, streamPrefix, query: applied, poll: follow || (busy && applied.rangeMs !== CUSTOM) });
  const lines = data?.lines ?? [];
  const loading = isPending || isPlaceholderData;
  const box = useRef<HTMLDivElement>(null);
  // Whether the view sits at the newest line: new lines then keep it there.
  const [atBottom, setAtBottom] = useState(true);
  const client = useHydrated();

  useEffect(() => {
    if (atBottom && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [data, atBottom]);

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
            const ms = (v: string) => (v ? new Date(v).getTime() || 0 : 0);
            setApplied((a) => ({ source, rangeMs, search: search.trim(), from: ms(from), to: ms(to), shown: a.shown + 1 }));
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
      <InlineError message={error?.message ?? null} />
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
