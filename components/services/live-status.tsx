"use client";
// The one live view of a service's state: badge, action buttons, URL and operation log all read
// this query, so they never disagree. It polls tightly while an operation runs, then stops (and
// refreshes the page once so server-rendered details catch up).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { pollDelayMs, type LiveStatusData } from "@/lib/services/live-status-data";
import { StatusBadge } from "./status-badge";

export type { LiveStatusData };

export function statusUrl(region: string, id: string) {
  return `/api/services/${encodeURIComponent(region)}/${encodeURIComponent(id)}/status`;
}

export const statusKey = (region: string, id: string) => ["service-status", region, id] as const;

async function fetchServiceStatus(region: string, id: string): Promise<LiveStatusData> {
  const res = await fetch(statusUrl(region, id), { cache: "no-store" });
  if (res.status === 404) return { status: "DELETED" };
  if (!res.ok) throw new Error(`status ${res.status}`);
  return (await res.json()) as LiveStatusData;
}

/**
 * Whether an operation runs on the service, as the page's live status last saw it. Reads the
 * shared status query without polling it itself (the badge's useServiceStatus does), so a part
 * of the page with no status of its own (the Logs tab) can follow it.
 */
export function useOperationRunning(region: string, id: string): boolean {
  const { data } = useQuery({ queryKey: statusKey(region, id), queryFn: () => fetchServiceStatus(region, id), enabled: false });
  return data?.status === "OPERATION_IN_PROGRESS";
}

/** When each service was first seen busy in this tab, for the poll's back-off. */
const busySince = new Map<string, number>();

export function useServiceStatus(region: string, id: string, initial: LiveStatusData) {
  const queryClient = useQueryClient();
  // A server render is newer than what this tab cached on an earlier visit (initialData only
  // fills an empty cache): take it, so a page reached by client navigation starts from the truth.
  const seed = JSON.stringify(initial);
  useEffect(() => {
    queryClient.setQueryData(statusKey(region, id), JSON.parse(seed) as LiveStatusData);
  }, [queryClient, region, id, seed]);
  return useQuery({
    queryKey: statusKey(region, id),
    queryFn: () => fetchServiceStatus(region, id),
    initialData: initial,
    staleTime: 1_000,
    refetchInterval: (q) => {
      const key = `${region}/${id}`;
      if (q.state.data?.status !== "OPERATION_IN_PROGRESS") {
        busySince.delete(key);
        return false;
      }
      const since = busySince.get(key) ?? Date.now();
      busySince.set(key, since);
      return pollDelayMs(Date.now() - since);
    },
  });
}

export function LiveStatus({ region, id, initial, refreshOnSettle = false }: { region: string; id: string; initial: LiveStatusData; refreshOnSettle?: boolean }) {
  const { data } = useServiceStatus(region, id, initial);
  const router = useRouter();
  const last = useRef(initial.status);
  useEffect(() => {
    if (refreshOnSettle && last.current === "OPERATION_IN_PROGRESS" && data.status !== "OPERATION_IN_PROGRESS") router.refresh();
    last.current = data.status;
  }, [data.status, refreshOnSettle, router]);
  return <StatusBadge status={data.status} operation={data.operation?.type} />;
}
