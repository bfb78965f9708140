"use client";
// The dashboard row's "last hour" cell: requests and active instances of one service.
import dynamic from "next/dynamic";
import { useFleetMetrics } from "./use-fleet-metrics";

const Sparkline = dynamic(() => import("./sparkline"), { ssr: false, loading: () => <span className="inline-block h-6 w-24" /> });

export function FleetSparklines({ region, id }: { region: string; id: string }) {
  const { data, isPending } = useFleetMetrics(region);
  if (isPending) return <span className="inline-block h-6 w-24 animate-pulse rounded bg-black/5 dark:bg-white/10" aria-label="Loading metrics" />;
  const s = data?.services.find((x) => x.id === id);
  if (!s) return <span className="muted">—</span>;
  const instances = s.active.reduce<number | null>((last, v) => (v ?? last), null);
  return (
    <div className="flex flex-col gap-0.5" data-testid="fleet-sparklines" data-requests={s.totalRequests}>
      <span className="flex items-center gap-1" role="img" aria-label={`Requests in the last hour: ${s.totalRequests}`}>
        <Sparkline values={s.requests} color="#2563eb" />
        <span className="muted w-12 text-right text-xs tabular-nums">{s.totalRequests} req</span>
      </span>
      <span className="flex items-center gap-1" role="img" aria-label={`Active instances: ${instances ?? 0}`}>
        <Sparkline values={s.active} color="#16a34a" />
        <span className="muted w-12 text-right text-xs tabular-nums">{instances ?? 0} inst</span>
      </span>
    </div>
  );
}
