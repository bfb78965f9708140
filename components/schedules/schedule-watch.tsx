"use client";
// Keeps a service page's schedule parts current without a reload: polls the schedule row's
// stamp while the tab is visible and re-renders the page's server parts when it changes (the
// scheduler paused or resumed the service, failed, or is retrying). The refreshed page also
// reseeds the status badge, which then follows the scheduler's operation to its end.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const SCHEDULE_POLL_MS = 5_000;

async function fetchStamp(region: string, id: string): Promise<string | null> {
  const res = await fetch(`/api/services/${encodeURIComponent(region)}/${encodeURIComponent(id)}/schedule`, { cache: "no-store" });
  if (!res.ok) throw new Error(`schedule ${res.status}`);
  return ((await res.json()) as { stamp: string | null }).stamp;
}

export function ScheduleWatch({ region, id, stamp }: { region: string; id: string; stamp: string }) {
  const router = useRouter();
  const { data } = useQuery({ queryKey: ["schedule-stamp", region, id], queryFn: () => fetchStamp(region, id), refetchInterval: SCHEDULE_POLL_MS, staleTime: 0 });
  useEffect(() => {
    if (data !== undefined && data !== stamp) router.refresh();
  }, [data, stamp, router]);
  return null;
}
