import Link from "next/link";
import type { Metadata } from "next";
import { appRunnerClient, getAwsContextOrNull, type AwsContext } from "@/lib/aws/clients";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { applyDashboardQuery, dashboardHref, parseDashboardQuery, type DashboardQuery } from "@/lib/services/dashboard-query";
import { describeServices } from "@/lib/services/describe-service";
import { rowOperations } from "@/lib/services/list-operations";
import { mapLimit } from "@/lib/services/map-limit";
import { listServicesInRegions } from "@/lib/services/list-services";
import { toServiceView } from "@/lib/services/service-view";
import { statusLabel } from "@/lib/services/status-labels";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { ServicesTable, type DashboardRow } from "@/components/services/services-table";
import { FleetSummary } from "@/components/fleet/fleet-summary";

export const metadata: Metadata = { title: "Services" };

const statuses = ["RUNNING", "OPERATION_IN_PROGRESS", "PAUSED", "CREATE_FAILED", "DELETE_FAILED"];

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("read");
  const query = parseDashboardQuery(await searchParams);
  const ctx = await getAwsContextOrNull();
  return (
    <>
      <PageHeader
        title="Services"
        description={ctx ? `${ctx.connection.name} · ${query.allRegions ? "all regions" : ctx.region}` : undefined}
        actions={
          can(user.role, "services:operate") && ctx ? (
            <Link href="/services/new" className={buttonClass("primary")}>
              Create service
            </Link>
          ) : null
        }
      />
      {!ctx ? (
        <p className="surface p-6 text-sm">No connection is configured yet. An admin can add one under Connections.</p>
      ) : (
        <>
          <form method="get" action="/services" className="mb-3 flex flex-wrap items-center gap-2" role="search">
            <input name="q" defaultValue={query.q} placeholder="Search by name, id or URL" aria-label="Search services" className="input max-w-xs" />
            <select name="status" defaultValue={query.status} aria-label="Filter by status" className="input max-w-[14rem]">
              <option value="">All statuses</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
            <label className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="regions" value="all" defaultChecked={query.allRegions} /> All regions
            </label>
            {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
            {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
            <button type="submit" className={buttonClass("secondary")}>
              Apply
            </button>
          </form>
          {/* Not behind a placeholder: the table is in the first HTML (ListServices, then Describe and
              ListOperations of the visible page, in parallel). Only the fleet figures, sparklines and
              costs load afterwards in the browser, each with its own small placeholder. */}
          <ServicesList ctx={ctx} query={query} canCreate={can(user.role, "services:operate")} />
        </>
      )}
    </>
  );
}

async function ServicesList({ ctx, query, canCreate }: { ctx: AwsContext; query: DashboardQuery; canCreate: boolean }) {
  const regions = query.allRegions ? ctx.connection.regions : [ctx.region];
  const clientFor = (region: string) => appRunnerClient(ctx.connection.id, region);
  const { rows, errors } = await listServicesInRegions(clientFor, regions);
  const page = applyDashboardQuery(rows, query);

  // Details for the visible page only (at most 50 rows), per region, in parallel: Describe for
  // source/size/scaling, one ListOperations page for the running operation and last deployment.
  const byRegion = new Map<string, string[]>();
  for (const r of page.rows) byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r.arn]);
  const details = new Map<string, ReturnType<typeof toServiceView>>();
  const operations = new Map<string, Awaited<ReturnType<typeof rowOperations>>>();
  await Promise.all(
    [...byRegion].map(async ([region, arns]) => {
      const client = await clientFor(region);
      const [described] = await Promise.all([
        describeServices(client, arns),
        mapLimit(arns, 8, async (arn) => {
          const ops = await rowOperations(client, arn).catch(() => undefined);
          if (ops) operations.set(arn, ops);
        }),
      ]);
      for (const [arn, s] of described) details.set(arn, toServiceView(s));
    }),
  );
  const shown: DashboardRow[] = page.rows.map((r) => {
    const d = details.get(r.arn);
    const ops = operations.get(r.arn);
    const op = ops?.current;
    // Describe is newer than the list when both answered; keep its status.
    return { ...r, ...(d ? { status: d.status } : {}), detail: d, lastDeployedAt: ops?.lastDeployedAt, operation: op ? { id: op.id, type: op.type, status: op.status } : undefined };
  });

  return (
    <div className="space-y-3">
      {errors.map((e) => (
        <div key={e.region} role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          {e.region}: {e.error.message} ({e.error.code})
        </div>
      ))}
      {/* Mounted with the table, so the fleet figures are fetched after it rendered. */}
      {page.total > 0 ? <FleetSummary region={ctx.region} /> : null}
      <ServicesTable rows={shown} query={query} showRegion={query.allRegions} createHref={canCreate ? "/services/new" : undefined} />
      <nav className="muted flex items-center justify-between text-sm" aria-label="Pages">
        <span data-testid="services-count">
          {page.total} service{page.total === 1 ? "" : "s"}
        </span>
        {page.pages > 1 ? (
          <span className="flex items-center gap-2">
            {query.page > 1 ? <Link href={dashboardHref(query, { page: query.page - 1 })}>← Previous</Link> : null}
            <span>
              Page {Math.min(query.page, page.pages)} of {page.pages}
            </span>
            {query.page < page.pages ? <Link href={dashboardHref(query, { page: query.page + 1 })}>Next →</Link> : null}
          </span>
        ) : null}
      </nav>
    </div>
  );
}
