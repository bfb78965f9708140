"use client";
// A last-hour sparkline (recharts; this module loads lazily with the fleet figures).
import { Line, LineChart, YAxis } from "recharts";

export default function Sparkline({ values, color }: { values: (number | null)[]; color: string }) {
  const data = values.map((v, i) => ({ i, v }));
  return (
    <LineChart width={96} height={24} data={data} margin={{ top: 2, right: 0, bottom: 2, left: 0 }}>
      <YAxis hide domain={[0, "dataMax"]} />
      <Line dataKey="v" type="monotone" stroke={color} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls />
    </LineChart>
  );
}
