"use client";
// The numbers behind a chart: an accessible table and a CSV download of the same rows.
import type { MetricRow } from "@/lib/metrics/metric-series";
import { localTime } from "@/components/ui/time-format";

export interface TableColumn {
  id: string;
  label: string;
}

const fmt = (v: number | undefined) => (v === undefined ? "" : Number.isInteger(v) ? String(v) : v.toFixed(2));

export function toCsv(rows: readonly MetricRow[], columns: readonly TableColumn[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ["Timestamp (UTC)", ...columns.map((c) => c.label)].map(quote).join(",");
  const body = rows.map((r) => [new Date(r.t).toISOString(), ...columns.map((c) => fmt(r[c.id]))].join(","));
  return [head, ...body].join("\n") + "\n";
}

export function downloadCsv(filename: string, rows: readonly MetricRow[], columns: readonly TableColumn[]): void {
  const url = URL.createObjectURL(new Blob([toCsv(rows, columns)], { type: "text/csv" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function ChartDataTable({ title, rows, columns }: { title: string; rows: readonly MetricRow[]; columns: readonly TableColumn[] }) {
  const shown = rows.filter((r) => columns.some((c) => r[c.id] !== undefined));
  return (
    <div className="max-h-64 overflow-auto rounded border border-[var(--border)]">
      <table className="w-full text-xs" aria-label={`${title} data`}>
        <thead className="sticky top-0 bg-[var(--surface)] text-left">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">
              Time
            </th>
            {columns.map((c) => (
              <th key={c.id} scope="col" className="px-2 py-1 text-right font-medium">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1} className="muted px-2 py-2 text-center">
                No data points.
              </td>
            </tr>
          ) : null}
          {shown.map((r) => (
            <tr key={r.t} className="border-t border-[var(--border)]">
              <td className="px-2 py-1 whitespace-nowrap">{localTime(r.t)}</td>
              {columns.map((c) => (
                <td key={c.id} className="px-2 py-1 text-right tabular-nums" data-series={c.id}>
                  {fmt(r[c.id])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
