"use client";
// The chart grid of the Metrics tab, loaded lazily (recharts stays out of the page's first load).
import { memo, useMemo, useState } from "react";
import { decimateRows } from "@/lib/metrics/decimate-rows";
import type { ServiceMetrics } from "@/lib/metrics/service-metrics";
import { SERVICE_CHARTS, type ChartSpec } from "@/lib/metrics/service-charts";
import type { MetricRow } from "@/lib/metrics/metric-series";
import { Button } from "@/components/ui/button";
import { ChartDataTable, downloadCsv } from "./chart-data-table";
import { MetricChart, type ChartLine } from "./metric-chart";
import { localTime } from "@/components/ui/time-format";

export interface ScalingLimits {
  name?: string;
  maxConcurrency: number;
  minSize: number;
  maxSize: number;
}

export interface MetricChartsProps {
  serviceName: string;
  data: ServiceMetrics;
  scaling?: ScalingLimits;
  onZoom: (start: number, end: number) => void;
}

function emptyMessage(spec: ChartSpec, data: ServiceMetrics): string | null {
  const states = spec.series.map((s) => data.series[s.id]);
  if (states.some((s) => s && s.points > 0)) return null;
  if (states.every((s) => s && !s.published)) {
    const metrics = [...new Set(spec.series.map((s) => s.metric))].join(", ");
    return `Metric not published: CloudWatch has no ${metrics} for this service yet (App Runner publishes it once the service runs and serves).`;
  }
  return `No ${spec.emptyNoun} between ${localTime(data.window.start)} and ${localTime(data.window.end)}.`;
}

// Memoized: a refresh that has not answered yet (same data) does not redraw six charts.
export default memo(MetricCharts);

function MetricCharts({ serviceName, data, scaling, onZoom }: MetricChartsProps) {
  // Capacity: how many requests the active instances can take at once.
  const maxConcurrency = scaling?.maxConcurrency;
  const rows: MetricRow[] = useMemo(
    () => (maxConcurrency ? data.rows.map((r) => (r.active !== undefined ? { ...r, capacity: r.active * maxConcurrency } : r)) : data.rows),
    [data.rows, maxConcurrency],
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {SERVICE_CHARTS.map((spec) => {
        const lines: ChartLine[] = spec.series.map((s) => ({ id: s.id, label: s.label }));
        if (spec.id === "concurrency" && scaling) lines.push({ id: "capacity", label: `Capacity (${scaling.maxConcurrency} × instances)`, color: "#16a34a", dashed: true });
        const references = spec.id === "instances" && scaling ? [{ y: scaling.minSize, label: `MinSize ${scaling.minSize}` }, { y: scaling.maxSize, label: `MaxSize ${scaling.maxSize}` }] : [];
        return <ChartCard key={spec.id} spec={spec} serviceName={serviceName} rows={rows} lines={lines} references={references} data={data} onZoom={onZoom} />;
      })}
    </div>
  );
}

function ChartCard({ spec, serviceName, rows, lines, references, data, onZoom }: { spec: ChartSpec; serviceName: string; rows: MetricRow[]; lines: ChartLine[]; references: { y: number; label: string }[]; data: ServiceMetrics; onZoom: (s: number, e: number) => void }) {
  const [showTable, setShowTable] = useState(false);
  const empty = emptyMessage(spec, data);
  // The chart draws each line's extremes per ~2.5 px; the table and the CSV keep every row.
  const lineIds = lines.map((l) => l.id).join(",");
  const drawn = useMemo(() => decimateRows(rows, lineIds.split(",")), [rows, lineIds]);
  // Points the chart's lines draw (what a benchmark waits for before it calls the chart drawn).
  const drawnPoints = useMemo(() => lineIds.split(",").reduce((n, id) => n + drawn.filter((r) => r[id] !== undefined).length, 0), [drawn, lineIds]);
  return (
    <section className="surface space-y-2 p-3" aria-label={spec.title} data-chart={spec.id} data-rows={rows.length} data-drawn-points={drawnPoints}>
      <header className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          {spec.title} <span className="muted text-xs font-normal">({spec.unit})</span>
        </h3>
        <div className="flex gap-1">
          <Button variant="ghost" className="!px-2 !py-0.5 text-xs" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
            {showTable ? "Hide table" : "Table"}
          </Button>
          <Button variant="ghost" className="!px-2 !py-0.5 text-xs" onClick={() => downloadCsv(`${serviceName}-${spec.id}.csv`, rows, lines)} aria-label={`Download ${spec.title} as CSV`}>
            CSV
          </Button>
        </div>
      </header>
      {empty ? (
        <p className="muted flex h-48 items-center justify-center px-4 text-center text-sm" role="status">
          {empty}
        </p>
      ) : (
        <MetricChart title={spec.title} rows={drawn} lines={lines} stacked={spec.stacked} window={data.window} markers={data.markers} references={references} onZoom={onZoom} />
      )}
      {showTable ? <ChartDataTable title={spec.title} rows={rows} columns={lines} /> : null}
    </section>
  );
}
