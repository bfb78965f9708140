// The dashboard table body. Rows come from ListServices; the detail columns (source, size,
// auto scaling) from DescribeService of the visible page only.
import Link from "next/link";
import { dashboardHref, type DashboardQuery, type SortKey } from "@/lib/services/dashboard-query";
import type { ServiceRow, ServiceView } from "@/lib/services/service-view";
import { Time } from "@/components/ui/time";
import { LiveStatus } from "./live-status";
import { LiveServiceUrl, ServiceUrl } from "./service-url";
import { StatusBadge } from "./status-badge";
import { FleetSparklines } from "@/components/fleet/fleet-sparklines";
import { FleetCostCell } from "@/components/fleet/fleet-cost";
import { buttonClass } from "@/components/ui/button";

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

export function ServicesTable({ rows, query, showRegion, createHref }: { rows: DashboardRow[]; query: DashboardQuery; showRegion: boolean; createHref?: string }) {
  if (rows.length === 0) {
    const filtered = Boolean(query.q || query.status);
    if (filtered) return <p className="muted surface p-6 text-center text-sm">No services match these filters.</p>;
    return <EmptyServices allRegions={query.allRegions} createHref={createHref} />;
  }
  // Nine facts per service in seven columns that fit 1024 px of content (a 1280 px window with
  // the sidebar): the URL sits under the name, size over scaling, the last deployment under
  // "Updated". Long URLs and sources wrap rather than being cut.
  return (
    <div className="surface overflow-x-auto">
      <table className="w-full text-sm" data-testid="services-table">
        <thead className="border-b border-[var(--border)] text-xs">
          <tr>
            <SortHeader query={query} label="Name" sortKey="name" />
            {showRegion ? <SortHeader query={query} label="Region" sortKey="region" /> : null}
            <SortHeader query={query} label="Status" sortKey="status" />
            <th scope="col" className="px-3 py-2 text-left font-medium">Source</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Size · scaling</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Last hour</th>
            <th scope="col" className="px-3 py-2 text-right font-medium" title="Projected month from the last 7 days of real usage">
              Month (est.)
            </th>
            <SortHeader query={query} label="Updated" sortKey="updated" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.arn} className="border-b border-[var(--border)] align-top last:border-0" data-service={r.name}>
              <td className="min-w-[12rem] px-3 py-2">
                <Link href={`/services/${r.region}/${r.id}`} className="font-medium text-[var(--accent)] hover:underline">
                  {r.name}
                </Link>
                <div className="text-xs break-all">
                  {r.status === "OPERATION_IN_PROGRESS" ? (
                    <LiveServiceUrl region={r.region} id={r.id} initial={{ status: r.status, operation: r.operation }} url={r.url} link={r.link} testId="service-url" />
                  ) : (
                    <ServiceUrl url={r.url} link={r.link} status={r.status} testId="service-url" />
                  )}
                </div>
              </td>
              {showRegion ? <td className="px-3 py-2 whitespace-nowrap">{r.region}</td> : null}
              <td className="px-3 py-2 whitespace-nowrap">
                {r.status === "OPERATION_IN_PROGRESS" ? (
                  <LiveStatus region={r.region} id={r.id} initial={{ status: r.status, operation: r.operation }} />
                ) : (
                  <StatusBadge status={r.status} />
                )}
              </td>
              <td className="max-w-[16rem] px-3 py-2 text-xs break-all" title={r.detail?.source.label}>
                {r.detail ? (
                  <>
                    <span className="muted">{r.detail.source.kind === "image" ? "image" : "repo"}: </span>
                    {r.detail.source.label}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 text-xs whitespace-nowrap">
                <div>{r.detail?.cpu ? `${r.detail.cpu} / ${r.detail.memory}` : "—"}</div>
                <div className="muted">{r.detail?.autoScaling?.name ? `${r.detail.autoScaling.name}${r.detail.autoScaling.revision ? ` #${r.detail.autoScaling.revision}` : ""}` : ""}</div>
              </td>
              <td className="px-3 py-2">
                <FleetSparklines region={r.region} id={r.id} />
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap">
                <FleetCostCell region={r.region} id={r.id} />
              </td>
              <td className="px-3 py-2 text-xs">
                <div><Time value={r.updatedAt} seconds /></div>
                <div className="muted">deployed <Time value={r.lastDeployedAt} seconds /></div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A first visit: what a service is here and the one step to make one. */
function EmptyServices({ allRegions, createHref }: { allRegions: boolean; createHref?: string }) {
  return (
    <div className="surface space-y-3 p-8 text-center text-sm" data-testid="services-empty">
      <p className="font-medium">No services in {allRegions ? "any region of this connection" : "this region"} yet.</p>
      <p className="muted mx-auto max-w-md">
        A service builds your code (a local folder or a git repository) or runs a container image, and serves it at its own URL. Start with the Node example in{" "}
        <code className="font-mono">examples/node-hello</code>.
      </p>
      {createHref ? (
        <Link href={createHref} className={buttonClass("primary")}>
          Create your first service
        </Link>
      ) : (
        <p className="muted">Ask an operator or admin to create one.</p>
      )}
    </div>
  );
}
