"use client";
// The lines of one log window (a source, a time range or from/to, a search) through TanStack
// Query. The first read fetches the window; each poll asks only for lines since the newest one
// held (FilterLogEvents' startTime is inclusive: mergeLogLines drops the repeat by id) and merges
// them in, oldest first, each event once. It polls while the reader follows the tail or an
// operation runs, and never in a hidden browser tab (TanStack pauses intervals there).
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { mergeLogLines } from "@/lib/logs/log-lines";
import type { LogLine } from "@/lib/logs/read-log-events";

export const MAX_LOG_LINES = 2000;
export const LOG_POLL_MS = 1_500;
/** rangeMs of the "Custom" choice: an absolute from/to window (browser local time). */
export const CUSTOM_RANGE = -1;

export interface LogWindowQuery {
  source: "all" | "service" | "application";
  rangeMs: number;
  search: string;
  from: number;
  to: number;
  /** A new number per "Show": the window is read afresh even when nothing else changed. */
  shown: number;
}

interface LogWindow {
  lines: LogLine[];
  /** The newest timestamp read so far: where the next poll starts. */
  last: number;
}

async function fetchLogLines(region: string, id: string, streamPrefix: string | undefined, q: LogWindowQuery, since?: number): Promise<LogLine[]> {
  const sp = new URLSearchParams();
  if (q.source !== "all") sp.set("source", q.source);
  if (q.search) sp.set("q", q.search);
  if (streamPrefix) sp.set("stream", streamPrefix);
  if (since !== undefined) sp.set("since", String(since));
  else if (q.rangeMs === CUSTOM_RANGE) {
    if (q.from) sp.set("start", String(q.from));
    if (q.to) sp.set("end", String(q.to));
  } else sp.set("start", String(Date.now() - q.rangeMs));
  const res = await fetch(`/api/services/${encodeURIComponent(region)}/${encodeURIComponent(id)}/logs?${sp}`, { cache: "no-store" });
  const body = (await res.json().catch(() => ({}))) as { lines?: LogLine[]; message?: string; code?: string };
  if (!res.ok) throw new Error(`${body.message ?? res.statusText}${body.code ? ` (${body.code})` : ""}`);
  return body.lines ?? [];
}

const newest = (lines: readonly LogLine[], from = 0) => lines.reduce((m, l) => Math.max(m, l.timestamp), from);

/** Each mounted viewer reads its own window: a remount (a new operation, its end) reads afresh. */
let mounts = 0;

export function useLogLines({ region, id, streamPrefix, query, poll }: { region: string; id: string; streamPrefix?: string; query: LogWindowQuery; poll: boolean }) {
  const queryClient = useQueryClient();
  const [mount] = useState(() => ++mounts);
  return useQuery({
    queryKey: ["service-logs", region, id, streamPrefix ?? "", mount, query] as const,
    queryFn: async ({ queryKey }): Promise<LogWindow> => {
      const held = queryClient.getQueryData<LogWindow>(queryKey);
      if (!held) {
        const lines = mergeLogLines([], await fetchLogLines(region, id, streamPrefix, query), MAX_LOG_LINES);
        return { lines, last: newest(lines) };
      }
      const incoming = await fetchLogLines(region, id, streamPrefix, query, held.last || Date.now() - 60_000);
      return { lines: mergeLogLines(held.lines, incoming, MAX_LOG_LINES), last: newest(incoming, held.last) };
    },
    // A window changes only by its poll or a new Show; the lines on screen stay while a new window loads.
    staleTime: Infinity,
    gcTime: 60_000,
    placeholderData: keepPreviousData,
    retry: false,
    refetchInterval: poll ? LOG_POLL_MS : false,
    refetchIntervalInBackground: false,
  });
}
