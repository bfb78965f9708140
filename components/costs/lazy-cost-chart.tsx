"use client";
// recharts only when a chart is on screen: keeps it out of every route's first-load JS.
import dynamic from "next/dynamic";

export const LazyCostChart = dynamic(() => import("./cost-chart"), {
  ssr: false,
  loading: () => <div className="h-[260px] animate-pulse rounded bg-black/5 dark:bg-white/5" aria-label="Loading chart" />,
});
export type { CostChartRow } from "./cost-chart";
