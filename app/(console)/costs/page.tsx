import Link from "next/link";
import { Time } from "@/components/ui/time";
import type { Metadata } from "next";
import { Suspense } from "react";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listEstimates } from "@/lib/costs/estimates";
import { formatUsd } from "@/lib/pricing/money";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { FleetCostPanel } from "@/components/costs/fleet-cost-panel";
import { ScheduleSavingsPanel } from "@/components/costs/schedule-savings-panel";

export const metadata: Metadata = { title: "Costs" };

export default async function CostsPage() {
  const user = await requireUser("read");
  const estimates = await listEstimates();
  return (
    <>
      <PageHeader
        title="Costs"
        description="What services cost on App Runner, from scenarios or real usage, and what the same workload would cost on ECS Express Mode and Fargate."
        actions={
          <>
            <Link href="/costs/prices" className={buttonClass("secondary")}>
              Price tables
            </Link>
            <Link href="/costs/new" className={buttonClass("primary")}>
              New scenario
            </Link>
          </>
        }
      />
      <form method="get" action="/costs/compare" className="space-y-2" aria-label="Saved estimates">
        <div className="surface overflow-x-auto">
          <table className="data-table" aria-label="Saved estimates">
            <thead>
              <tr>
                <th className="w-8">
                  <span className="sr-only">Compare</span>
                </th>
                <th>Name</th>
                <th>Kind</th>
                <th>Service</th>
                <th className="text-right">Monthly total</th>
                <th>Author</th>
                <th>Date</th>
              </tr>
            </thead>
            <tbody>
              {estimates.length === 0 ? (
                <tr>
                  <td colSpan={7} className="muted py-6 text-center text-sm">
                    No saved estimates yet. {can(user.role, "estimates:edit") ? "Make a scenario and save it." : ""}
                  </td>
                </tr>
              ) : (
                estimates.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <input type="checkbox" name="ids" value={e.id} aria-label={`Compare ${e.name}`} />
                    </td>
                    <td>
                      <Link href={`/costs/${e.id}`} className="font-medium hover:underline">
                        {e.name}
                      </Link>{" "}
                      {e.version > 1 ? <span className="muted text-xs">v{e.version}</span> : null}
                    </td>
                    <td>
                      <Badge tone={e.kind === "usage" ? "blue" : "neutral"}>{e.kind === "usage" ? "real usage" : "scenario"}</Badge>
                    </td>
                    <td>{e.serviceName ?? <span className="muted">—</span>}</td>
                    <td className="text-right tabular-nums">{formatUsd(e.monthlyTotal)}</td>
                    <td>{e.author ?? "—"}</td>
                    <td className="whitespace-nowrap">
                      <Time value={e.updatedAt} />
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        {estimates.length > 1 ? (
          <div className="flex items-center justify-end gap-2">
            <span className="muted text-xs">Tick two or three to compare</span>
            <button type="submit" className={buttonClass("secondary")}>
              Compare selected
            </button>
          </div>
        ) : null}
      </form>
      <div className="mt-6" id="fleet">
        <Suspense fallback={<div className="surface muted p-4 text-sm">Reading each service&apos;s usage from CloudWatch…</div>}>
          <FleetCostPanel />
        </Suspense>
      </div>
      <div className="mt-6" id="schedules">
        <Suspense fallback={<div className="surface muted p-4 text-sm">Pricing the schedules…</div>}>
          <ScheduleSavingsPanel />
        </Suspense>
      </div>
    </>
  );
}
