"use client";
// ListOperations, refreshed every 2 s while one is running.
import { useQuery } from "@tanstack/react-query";
import type { OperationView } from "@/lib/services/service-view";
import { Time } from "@/components/ui/time";
import { StatusBadge } from "./status-badge";
import { operationName } from "@/lib/services/status-labels";

export function ActivityList({ region, id, initial }: { region: string; id: string; initial: OperationView[] }) {
  const { data, error } = useQuery({
    queryKey: ["service-operations", region, id],
    queryFn: async () => {
      const res = await fetch(`/api/services/${encodeURIComponent(region)}/${encodeURIComponent(id)}/operations`, { cache: "no-store" });
      const body = (await res.json()) as { operations?: OperationView[]; message?: string; code?: string };
      if (!res.ok) throw new Error(`${body.message ?? res.statusText}${body.code ? ` (${body.code})` : ""}`);
      return body.operations ?? [];
    },
    initialData: initial,
    staleTime: 1_000,
    refetchInterval: (q) => (q.state.data?.some((o) => o.running) ? 2_000 : false),
  });
  return (
    <div className="surface overflow-x-auto">
      {error ? <p role="alert" className="p-3 text-sm text-red-700">{error.message}</p> : null}
      <table className="w-full text-sm" data-testid="activity-table">
        <thead className="border-b border-[var(--border)] text-left text-xs">
          <tr>
            <th className="px-3 py-2 font-medium">Operation</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Started</th>
            <th className="px-3 py-2 font-medium">Ended</th>
            <th className="px-3 py-2 font-medium">Id</th>
          </tr>
        </thead>
        <tbody>
          {data.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted px-3 py-4 text-center">
                No operations yet.
              </td>
            </tr>
          ) : null}
          {data.map((o) => (
            <tr key={o.id} className="border-b border-[var(--border)] last:border-0" data-operation={o.type} data-operation-status={o.status}>
              <td className="px-3 py-2" title={o.type}>{operationName(o.type)}</td>
              <td className="px-3 py-2">
                <StatusBadge status={o.status} />
                {o.running ? <span className="muted ml-2 animate-pulse text-xs">running…</span> : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap"><Time value={o.startedAt} seconds /></td>
              <td className="px-3 py-2 whitespace-nowrap"><Time value={o.endedAt} seconds /></td>
              <td className="muted px-3 py-2 font-mono text-xs">{o.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
