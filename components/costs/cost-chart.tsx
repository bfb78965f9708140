"use client";
// Stacked bars of cost by category (one bar per alternative, or per day). recharts is heavy,
// so pages load this file through lazy-cost-chart.tsx, never directly.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { categoryLabels, type CostCategory } from "@/lib/pricing/cost-breakdown";

export interface CostChartRow {
  label: string;
  values: Partial<Record<CostCategory, number>>;
}

const colors: Record<CostCategory, string> = {
  activeVcpu: "#2563eb",
  activeMemory: "#60a5fa",
  idleMemory: "#a5b4fc",
  autoDeploy: "#f59e0b",
  builds: "#d97706",
  dataTransfer: "#10b981",
  requests: "#14b8a6",
  custom: "#9ca3af",
  fargateVcpu: "#7c3aed",
  fargateMemory: "#c084fc",
  albShare: "#ef4444",
  albLcu: "#f87171",
};

const usd = (v: number) => `$${v.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;

export default function CostChart({ rows, height = 260, title }: { rows: CostChartRow[]; height?: number; title: string }) {
  const present = (Object.keys(colors) as CostCategory[]).filter((c) => rows.some((r) => (r.values[c] ?? 0) > 0));
  const data = rows.map((r) => ({ label: r.label, ...Object.fromEntries(present.map((c) => [c, Math.round((r.values[c] ?? 0) * 100) / 100])) }));
  return (
    <figure role="img" aria-label={title} data-testid="cost-chart" className="w-full">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "var(--muted)" }} interval="preserveStartEnd" />
          <YAxis tickFormatter={usd} tick={{ fontSize: 11, fill: "var(--muted)" }} width={64} />
          <Tooltip formatter={(v, name) => [usd(Number(v)), categoryLabels[name as CostCategory] ?? String(name)]} contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }} />
          <Legend formatter={(name: string) => categoryLabels[name as CostCategory] ?? name} wrapperStyle={{ fontSize: 12 }} />
          {present.map((c) => (
            <Bar key={c} dataKey={c} stackId="cost" fill={colors[c]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{title}</figcaption>
    </figure>
  );
}
