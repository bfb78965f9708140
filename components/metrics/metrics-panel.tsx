"use client";
// The Metrics tab: range picker, one request per refresh (every chart at once), auto-refresh
// while the tab is visible, and states that say why a chart is empty. The charts themselves
// (recharts) load after the page is interactive.
import dynamic from "next/dynamic";
import { useQuery, keepPreviousData } from "@tanstack/react-query";
import { useCallback, useMemo, useState, type FormEvent } from "react";
import { RANGES, type RangeKey } from "@/lib/metrics/metric-period";
import type { MetricsErrorBody } from "@/lib/metrics/metrics-error";
import type { ServiceMetrics } from "@/lib/metrics/service-metrics";
import { Button } from "@/components/ui/button";
import type { ScalingLimits } from "./metric-charts";
import { localTime, toInputValue, zoneName } from "@/components/ui/time-format";
import { useHydrated } from "@/components/ui/use-hydrated";

const MetricCharts = dynamic(() => import("./metric-charts"), { ssr: false, loading: () => <ChartsSkeleton label="Loading charts" /> });

const RANGE_LABELS: Record<RangeKey, string> = { "1h": "1 h", "3h": "3 h", "12h": "12 h", "1d": "1 d", "3d": "3 d", "1w": "1 w" };
const REFRESH_MS = 60_000;

class MetricsFetchError extends Error {
  constructor(public readonly body: MetricsErrorBody) {
    super(body.message);
  }
}

type Selection = { range: RangeKey } | { range: "custom"; start: number; end: number };

export function MetricsPanel({ region, id, serviceName, scaling }: { region: string; id: string; serviceName: string; scaling?: ScalingLimits }) {
  const [sel, setSel] = useState<Selection>({ range: "1h" });
  const [customOpen, setCustomOpen] = useState(false);
  // The zone is the browser's: the server would print its own and break hydration.
  const client = useHydrated();
  const url = useMemo(() => {
    const sp = new URLSearchParams({ range: sel.range });
    if (sel.range === "custom") {
      sp.set("start", String(sel.start));
      sp.set("end", String(sel.end));
    }
    return `/api/services/${encodeURIComponent(region)}/${encodeURIComponent(id)}/metrics?${sp}`;
  }, [region, id, sel]);
  const { data, error, isFetching, isPending, dataUpdatedAt } = useQuery({
    queryKey: ["service-metrics", region, id, sel],
    queryFn: async ({ signal }) => {
      const res = await fetch(url, { cache: "no-store", signal });
      const body = (await res.json()) as ServiceMetrics | MetricsErrorBody;
      if (!res.ok) throw new MetricsFetchError(body as MetricsErrorBody);
      return body as ServiceMetrics;
    },
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    // A fixed custom window never changes; a preset one moves with the clock. TanStack Query
    // pauses the interval while the browser tab is hidden (refetchIntervalInBackground: false).
    refetchInterval: sel.range === "custom" ? false : REFRESH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: (n, err) => !(err instanceof MetricsFetchError) && n < 1,
  });

  // Stable, so the memoized charts do not redraw while a refresh is in flight.
  const zoom = useCallback((start: number, end: number) => {
    // Under a minute there is nothing finer to show: keep at least one period.
    if (end - start < 60_000) end = start + 60_000;
    setSel({ range: "custom", start, end });
  }, []);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Time range" className="inline-flex overflow-hidden rounded-md border border-[var(--border)]">
          {RANGES.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={sel.range === r}
              onClick={() => {
                setCustomOpen(false);
                setSel({ range: r });
              }}
              className={`px-2.5 py-1 text-sm ${sel.range === r ? "bg-[var(--accent)] text-white" : "hover:bg-black/5 dark:hover:bg-white/10"}`}
            >
              {RANGE_LABELS[r]}
            </button>
          ))}
          <button type="button" aria-pressed={sel.range === "custom"} aria-expanded={customOpen} onClick={() => setCustomOpen((v) => !v)} className={`px-2.5 py-1 text-sm ${sel.range === "custom" ? "bg-[var(--accent)] text-white" : "hover:bg-black/5 dark:hover:bg-white/10"}`}>
            Custom
          </button>
        </div>
        {sel.range === "custom" ? (
          <Button variant="ghost" className="text-xs" onClick={() => setSel({ range: "1h" })}>
            Reset zoom
          </Button>
        ) : null}
        <span className="muted ml-auto text-xs" data-testid="metrics-window">
          {data ? `${localTime(data.window.start)} – ${localTime(data.window.end)} · period ${data.window.period / 60} min · ` : ""}times in {client ? zoneName() : "your time zone"}
          {isFetching ? " · refreshing…" : client && dataUpdatedAt ? ` · updated ${localTime(dataUpdatedAt, true).slice(11)}` : ""}
        </span>
      </div>
      {customOpen ? (
        <CustomRange
          initial={sel.range === "custom" ? sel : data?.window}
          onApply={(s, e) => {
            setSel({ range: "custom", start: s, end: e });
            setCustomOpen(false);
          }}
        />
      ) : null}
      {error ? <MetricsErrorPanel error={error} /> : null}
      {isPending ? <ChartsSkeleton label="Loading metrics" /> : data ? <MetricCharts serviceName={serviceName} data={data} scaling={scaling} onZoom={zoom} /> : null}
      {data && data.markers.length ? (
        <section className="surface p-3" aria-label="Operations on the charts">
          <h3 className="mb-1 text-sm font-semibold">Operations in this range</h3>
          <ul className="space-y-0.5 text-sm">
            {data.markers.map((m) => (
              <li key={m.id} data-operation={m.type}>
                <span className="muted tabular-nums">{localTime(m.at, true)}</span> {m.label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted text-xs">Drag across any chart to zoom into that span. Markers show the service&apos;s operations; hover one for its type, status and who started it.</p>
    </div>
  );
}

function CustomRange({ initial, onApply }: { initial?: { start: number; end: number }; onApply: (start: number, end: number) => void }) {
  const [err, setErr] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const start = new Date(String(fd.get("start"))).getTime();
    const end = new Date(String(fd.get("end"))).getTime();
    if (!Number.isFinite(start) || !Number.isFinite(end)) return setErr("Enter both times.");
    if (start >= end) return setErr("The start must be before the end.");
    setErr(null);
    onApply(start, end);
  };
  return (
    <form onSubmit={submit} className="surface flex flex-wrap items-end gap-2 p-3" aria-label="Custom range">
      <label className="text-sm">
        From
        <input type="datetime-local" name="start" defaultValue={initial ? toInputValue(initial.start) : ""} className="input" />
      </label>
      <label className="text-sm">
        To
        <input type="datetime-local" name="end" defaultValue={initial ? toInputValue(initial.end) : ""} className="input" />
      </label>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {err ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {err}
        </p>
      ) : null}
    </form>
  );
}

function MetricsErrorPanel({ error }: { error: Error }) {
  const body = error instanceof MetricsFetchError ? error.body : { message: error.message, code: "NetworkError" };
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200">
      {body.deniedAction ? (
        <p>
          AWS refused <code className="font-mono">{body.deniedAction}</code> for this connection: {body.message} ({body.code})
        </p>
      ) : (
        <p>
          Metrics could not be read: {body.message} ({body.code})
        </p>
      )}
    </div>
  );
}

function ChartsSkeleton({ label }: { label: string }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-busy="true" aria-label={label}>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="surface h-60 animate-pulse" />
      ))}
    </div>
  );
}
