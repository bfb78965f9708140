"use client";
// One fetch of the region's projected costs, shared by the total and every row's cell (same
// query key). Usage is hourly, so a refresh every 5 minutes is plenty.
import { useQuery } from "@tanstack/react-query";
import type { FleetCost } from "@/lib/costs/fleet-cost";
import { useFleetMetrics } from "./use-fleet-metrics";

export function useFleetCost(region: string) {
  // After the last-hour figures (sparklines, totals): those are what a user looks at first, and a
  // cost read describes every service, which would compete with them for the server.
  const metrics = useFleetMetrics(region);
  return useQuery({
    enabled: !metrics.isPending,
    queryKey: ["fleet-cost", region],
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/fleet/cost?region=${encodeURIComponent(region)}`, { cache: "no-store", signal });
      const body = (await res.json()) as FleetCost | { message: string; code: string };
      if (!res.ok || !("rows" in body)) {
        const e = body as { message: string; code: string };
        throw new Error(`${e.message} (${e.code})`);
      }
      return body;
    },
    staleTime: 300_000,
    refetchInterval: 300_000,
    retry: false,
  });
}
