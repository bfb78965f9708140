"use client";
// Above the services table: the region's traffic, errors and instances over the last hour, and
// the services that lead on requests and on 5xx rate.
import Link from "next/link";
import type { ReactNode } from "react";
import { FleetCostTotal } from "./fleet-cost";
import { useFleetMetrics } from "./use-fleet-metrics";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(v < 0.01 && v > 0 ? 2 : 1)}%`);

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <div className="surface px-3 py-2">
      <p className="muted text-xs">{label}</p>
      <p className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

export function FleetSummary({ region }: { region: string }) {
  const { data, error, isPending } = useFleetMetrics(region);
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
        Fleet metrics unavailable: {error.message}
      </p>
    );
  }
  if (isPending || !data) {
    return <div className="grid animate-pulse gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-busy="true" aria-label="Loading fleet metrics">{Array.from({ length: 6 }, (_, i) => <div key={i} className="surface h-16" />)}</div>;
  }
  const t = data.totals;
  const href = (s: { region: string; id: string }) => `/services/${s.region}/${s.id}?tab=metrics`;
  return (
    <section aria-label="Fleet, last hour" className="grid gap-2 sm:grid-cols-3 lg:grid-cols-6">
      <Figure label={`Requests, last hour (${data.region})`} value={t.requests.toLocaleString()} testId="fleet-requests" />
      <Figure label="5xx rate" value={pct(t.errorRate)} testId="fleet-5xx-rate" />
      <Figure label="Active instances" value={t.activeInstances} testId="fleet-active" />
      <FleetCostTotal region={data.region} />
      <div className="surface px-3 py-2 text-xs">
        <p className="muted mb-1">Top 5 by requests</p>
        <ol aria-label="Top 5 by requests" className="space-y-0.5">
          {t.topByRequests.length === 0 ? <li className="muted">No requests.</li> : null}
          {t.topByRequests.map((s) => (
            <li key={s.id} className="flex justify-between gap-2">
              <Link href={href(s)} className="truncate text-[var(--accent)] hover:underline">{s.name}</Link>
              <span className="tabular-nums">{s.value.toLocaleString()}</span>
            </li>
          ))}
        </ol>
      </div>
      <div className="surface px-3 py-2 text-xs">
        <p className="muted mb-1">Top 5 by 5xx rate</p>
        <ol aria-label="Top 5 by 5xx rate" className="space-y-0.5">
          {t.topByErrorRate.length === 0 ? <li className="muted">No 5xx responses.</li> : null}
          {t.topByErrorRate.map((s) => (
            <li key={s.id} className="flex justify-between gap-2">
              <Link href={href(s)} className="truncate text-[var(--accent)] hover:underline">{s.name}</Link>
              <span className="tabular-nums">{pct(s.value)}</span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
