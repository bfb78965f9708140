"use client";
// One fetch of the fleet figures per region, shared by the summary and every sparkline cell
// (same query key: TanStack Query dedupes them). Refreshes every minute while visible.
import { useQuery } from "@tanstack/react-query";
import type { FleetMetrics } from "@/lib/metrics/fleet-metrics";
import type { MetricsErrorBody } from "@/lib/metrics/metrics-error";

export type FleetAnswer = FleetMetrics & { region: string };

export function useFleetMetrics(region: string) {
  return useQuery({
    queryKey: ["fleet-metrics", region],
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/fleet/metrics?region=${encodeURIComponent(region)}`, { cache: "no-store", signal });
      const body = (await res.json()) as FleetAnswer | MetricsErrorBody;
      if (!res.ok) {
        const e = body as MetricsErrorBody;
        throw new Error(e.deniedAction ? `AWS refused ${e.deniedAction}: ${e.message} (${e.code})` : `${e.message} (${e.code})`);
      }
      return body as FleetAnswer;
    },
    staleTime: 30_000,
    refetchInterval: 60_000,
    retry: false,
  });
}
