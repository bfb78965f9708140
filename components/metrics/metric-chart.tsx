"use client";
// One chart of the Metrics tab (recharts; this module only loads with the charts). Shares its
// crosshair and tooltip with the others through syncId; drag across it to zoom.
import { useState } from "react";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricRow } from "@/lib/metrics/metric-series";
import type { OperationMarker } from "@/lib/metrics/operation-markers";
import { localTime, tickFormatter } from "@/components/ui/time-format";

export const CHART_SYNC_ID = "service-metrics";
const COLORS = ["#2563eb", "#f59e0b", "#dc2626", "#16a34a", "#9333ea"];

export interface ChartLine {
  id: string;
  label: string;
  color?: string;
  dashed?: boolean;
}

export interface MetricChartProps {
  title: string;
  rows: MetricRow[];
  lines: ChartLine[];
  stacked?: boolean;
  window: { start: number; end: number };
  markers: OperationMarker[];
  /** horizontal reference lines (MinSize, MaxSize) */
  references?: { y: number; label: string }[];
  onZoom: (start: number, end: number) => void;
}

const markerColor = (m: OperationMarker) => (m.status === "FAILED" || m.status.startsWith("ROLLBACK") ? "#dc2626" : "#7c3aed");

function MarkerFlag({ marker, viewBox }: { marker: OperationMarker; viewBox?: { x?: number; y?: number } }) {
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  return (
    <g data-marker-type={marker.type} data-marker-status={marker.status} role="img" aria-label={marker.label} style={{ cursor: "help" }}>
      <title>{`${marker.label}\n${localTime(marker.at, true)}`}</title>
      <path d={`M${x},${y} l6,0 l-6,8 z`} fill={markerColor(marker)} />
      <rect x={x - 5} y={y} width={10} height={12} fill="transparent" />
    </g>
  );
}

export function MetricChart({ title, rows, lines, stacked, window, markers, references = [], onZoom }: MetricChartProps) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const label = (s: { activeLabel?: unknown } | undefined) => {
    const n = Number(s?.activeLabel);
    return Number.isFinite(n) ? n : undefined;
  };
  const finishDrag = () => {
    if (drag && Math.abs(drag.to - drag.from) > 0) onZoom(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to));
    setDrag(null);
  };
  return (
    <div className="h-48 select-none" aria-label={`${title} chart`} role="figure">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={rows}
          syncId={CHART_SYNC_ID}
          margin={{ top: 12, right: 12, bottom: 0, left: 0 }}
          onMouseDown={(s) => {
            const v = label(s);
            if (v !== undefined) setDrag({ from: v, to: v });
          }}
          onMouseMove={(s) => {
            const v = label(s);
            if (drag && v !== undefined) setDrag({ ...drag, to: v });
          }}
          onMouseUp={finishDrag}
          onMouseLeave={() => setDrag(null)}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={[window.start, window.end]} tickFormatter={tickFormatter(window.end - window.start)} stroke="var(--muted)" fontSize={11} minTickGap={40} allowDataOverflow />
          <YAxis stroke="var(--muted)" fontSize={11} width={44} allowDecimals={false} />
          <Tooltip
            labelFormatter={(v) => localTime(Number(v))}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }}
            isAnimationActive={false}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {lines.map((l, i) =>
            stacked ? (
              <Area key={l.id} dataKey={l.id} name={l.label} stackId="s" type="linear" stroke={l.color ?? COLORS[i]} fill={l.color ?? COLORS[i]} fillOpacity={0.35} isAnimationActive={false} />
            ) : (
              <Line key={l.id} dataKey={l.id} name={l.label} type="linear" dot={rows.length < 3} stroke={l.color ?? COLORS[i]} strokeDasharray={l.dashed ? "5 3" : undefined} isAnimationActive={false} connectNulls={false} />
            ),
          )}
          {references.map((r) => (
            <ReferenceLine key={r.label} y={r.y} stroke="var(--muted)" strokeDasharray="2 4" label={{ value: r.label, position: "insideTopRight", fontSize: 10, fill: "var(--muted)" }} ifOverflow="extendDomain" />
          ))}
          {markers.map((m) => (
            <ReferenceLine key={m.id} x={m.at} stroke={markerColor(m)} strokeDasharray="4 2" label={<MarkerFlag marker={m} />} />
          ))}
          {drag && drag.from !== drag.to ? <ReferenceArea x1={drag.from} x2={drag.to} fill="var(--accent)" fillOpacity={0.15} /> : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
