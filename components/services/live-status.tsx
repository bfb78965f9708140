"use client";
// Polls a service's status while an operation runs, then stops (and refreshes the page once
// so server-rendered details catch up).
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { StatusBadge } from "./status-badge";

export interface LiveStatusData {
  status: string;
  operation?: { id: string; type: string; status: string };
}

export function statusUrl(region: string, id: string) {
  return `/api/services/${encodeURIComponent(region)}/${encodeURIComponent(id)}/status`;
}

export function useServiceStatus(region: string, id: string, initial: LiveStatusData) {
  return useQuery({
    queryKey: ["service-status", region, id],
    queryFn: async (): Promise<LiveStatusData> => {
      const res = await fetch(statusUrl(region, id), { cache: "no-store" });
      if (res.status === 404) return { status: "DELETED" };
      if (!res.ok) throw new Error(`status ${res.status}`);
      return (await res.json()) as LiveStatusData;
    },
    initialData: initial,
    staleTime: 1_000,
    refetchInterval: (q) => (q.state.data?.status === "OPERATION_IN_PROGRESS" ? 2_000 : false),
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
