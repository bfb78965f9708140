// The dashboard table body. Rows come from ListServices; the detail columns (source, size,
// auto scaling) from DescribeService of the visible page only.
import Link from "next/link";
import { dashboardHref, type DashboardQuery, type SortKey } from "@/lib/services/dashboard-query";
import type { ServiceRow, ServiceView } from "@/lib/services/service-view";
import { formatTime } from "./format";
import { LiveStatus } from "./live-status";
import { LiveServiceUrl, ServiceUrl } from "./service-url";
import { StatusBadge } from "./status-badge";
import { FleetSparklines } from "@/components/fleet/fleet-sparklines";
import { FleetCostCell } from "@/components/fleet/fleet-cost";

export interface DashboardRow extends ServiceRow {
  detail?: ServiceView;
  lastDeployedAt?: string;
  operation?: { id: string; type: string; status: string };
}

function SortHeader({ query, label, sortKey }: { query: DashboardQuery; label: string; sortKey: SortKey }) {
  const active = query.sort === sortKey;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className="px-3 py-2 text-left font-medium" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={dashboardHref(query, { sort: sortKey, dir, page: 1 })} className="hover:underline">
        {label}
        {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}

// Time cells may wrap (so the table fits a 1400px window) but only between date and time.
const wrappableTime = (iso: string | undefined): string => formatTime(iso).replace(/ (?=UTC$)/, "\u00a0");

export function ServicesTable({ rows, query, showRegion }: { rows: DashboardRow[]; query: DashboardQuery; showRegion: boolean }) {
  if (rows.length === 0) {
    const filtered = Boolean(query.q || query.status);
    return (
      <p className="muted surface p-6 text-center text-sm">
        {filtered ? "No services match these filters." : `No services in ${query.allRegions ? "any region of this connection" : "this region"} yet.`}
      </p>
    );
  }
  return (
    <div className="surface overflow-x-auto">
      <table className="w-full text-sm" data-testid="services-table">
        <thead className="border-b border-[var(--border)] text-xs">
          <tr>
            <SortHeader query={query} label="Name" sortKey="name" />
            {showRegion ? <SortHeader query={query} label="Region" sortKey="region" /> : null}
            <SortHeader query={query} label="Status" sortKey="status" />
            <th scope="col" className="px-3 py-2 text-left font-medium">URL</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Source</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Size</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Auto scaling</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Last hour</th>
            <th scope="col" className="px-3 py-2 text-right font-medium" title="Projected month from the last 7 days of real usage">
              Month (est.)
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Last deployment</th>
            <SortHeader query={query} label="Updated" sortKey="updated" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.arn} className="border-b border-[var(--border)] last:border-0" data-service={r.name}>
              <td className="px-3 py-2 font-medium whitespace-nowrap">
                <Link href={`/services/${r.region}/${r.id}`} className="text-[var(--accent)] hover:underline">
                  {r.name}
                </Link>
              </td>
              {/* The region column narrows URL and source so the table still fits 1400px. */}
              {showRegion ? <td className="px-3 py-2 whitespace-nowrap">{r.region}</td> : null}
              <td className="px-3 py-2 whitespace-nowrap">
                {r.status === "OPERATION_IN_PROGRESS" ? (
                  <LiveStatus region={r.region} id={r.id} initial={{ status: r.status, operation: r.operation }} />
                ) : (
                  <StatusBadge status={r.status} />
                )}
              </td>
              <td className={`${showRegion ? "max-w-[10rem]" : "max-w-[13rem]"} truncate px-3 py-2`}>
                {r.status === "OPERATION_IN_PROGRESS" ? (
                  <LiveServiceUrl region={r.region} id={r.id} initial={{ status: r.status, operation: r.operation }} url={r.url} link={r.link} testId="service-url" />
                ) : (
                  <ServiceUrl url={r.url} link={r.link} status={r.status} testId="service-url" />
                )}
              </td>
              <td className={`${showRegion ? "max-w-[11rem]" : "max-w-[14rem]"} truncate px-3 py-2`} title={r.detail?.source.label}>
                {r.detail ? `${r.detail.source.kind === "image" ? "image" : "repo"}: ${r.detail.source.label}` : "—"}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{r.detail?.cpu ? `${r.detail.cpu} / ${r.detail.memory}` : "—"}</td>
              <td className="px-3 py-2">
                {r.detail?.autoScaling?.name ? `${r.detail.autoScaling.name}${r.detail.autoScaling.revision ? ` #${r.detail.autoScaling.revision}` : ""}` : "—"}
              </td>
              <td className="px-3 py-2">
                <FleetSparklines region={r.region} id={r.id} />
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap">
                <FleetCostCell region={r.region} id={r.id} />
              </td>
              <td className="px-3 py-2">{wrappableTime(r.lastDeployedAt)}</td>
              <td className="px-3 py-2">{wrappableTime(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ServicesTableSkeleton() {
  return (
    <div className="surface animate-pulse space-y-2 p-4" aria-busy="true" aria-label="Loading services">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-6 rounded bg-black/5 dark:bg-white/10" />
      ))}
    </div>
  );
}
