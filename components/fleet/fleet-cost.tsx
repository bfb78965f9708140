"use client";
// The dashboard's cost figures: each row's projected month and the region's total, from the
// last days of real usage (the same estimate as the service's Cost tab).
import Link from "next/link";
import { formatUsd } from "@/lib/pricing/money";
import { useFleetCost } from "./use-fleet-cost";

export function FleetCostCell({ region, id }: { region: string; id: string }) {
  const { data, isPending, error } = useFleetCost(region);
  if (isPending) return <span className="inline-block h-4 w-14 animate-pulse rounded bg-black/5 dark:bg-white/10" aria-label="Loading cost" />;
  const row = data?.rows.find((r) => r.id === id);
  if (error || !row) return <span className="muted">—</span>;
  if (row.projectedMonth === null) return <span className="muted" title={row.error}>—</span>;
  return (
    <Link href={`/services/${region}/${id}?tab=cost`} className="tabular-nums hover:underline" data-testid="fleet-cost" title={`Projected month from the last ${data.days} days of usage`}>
      {formatUsd(row.projectedMonth)}
    </Link>
  );
}

export function FleetCostTotal({ region }: { region: string }) {
  const { data, isPending, error } = useFleetCost(region);
  return (
    <div className="surface px-3 py-2">
      <p className="muted text-xs">Projected month ({region})</p>
      <p className="text-lg font-semibold tabular-nums" data-testid="fleet-cost-total" title={error ? error.message : undefined}>
        {isPending ? <span className="inline-block h-5 w-20 animate-pulse rounded bg-black/5 dark:bg-white/10" aria-label="Loading cost" /> : error || !data ? "—" : formatUsd(data.total)}
      </p>
      {data ? (
        <p className="muted text-xs">
          from {data.days} days of usage · <Link href="/costs" className="text-[var(--accent)] hover:underline">details</Link>
        </p>
      ) : error ? (
        <p className="text-xs text-amber-700 dark:text-amber-300">{error.message}</p>
      ) : null}
    </div>
  );
}
