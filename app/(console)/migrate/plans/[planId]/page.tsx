import Link from "next/link";
import { Time } from "@/components/ui/time";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getSavedPlan } from "@/lib/migrate/saved-plans";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { MigrationCostTable } from "@/components/migrate/migration-cost-table";
import { PlanView } from "@/components/migrate/plan-view";
import { PLAN_DAYS } from "@/lib/migrate/load-plan";

export const metadata: Metadata = { title: "Migration plan" };

export default async function SavedPlanPage({ params }: { params: Promise<{ planId: string }> }) {
  await requireUser("read");
  const saved = await getSavedPlan((await params).planId);
  if (!saved) notFound();
  const { plan } = saved;
  return (
    <div className="space-y-4">
      <p className="muted text-xs">
        <Link href="/migrate" className="hover:underline">
          Migrate
        </Link>{" "}
        / {saved.region} /{" "}
        <Link href={`/services/${saved.region}/${plan.service.id}?tab=migrate`} className="hover:underline">
          {saved.serviceName}
        </Link>
      </p>
      <PageHeader
        title={`Migration plan: ${saved.serviceName}`}
        description={
          <>
            Saved <Time value={saved.createdAt.toISOString()} />
            {saved.author ? ` by ${saved.author}` : ""}. The figures and settings are as they were then.
          </>
        }
        actions={
          <a href={`/migrate/plans/${saved.id}/bundle`} className={buttonClass("primary")} download>
            Download bundle
          </a>
        }
      />
      <PlanView plan={plan}>{saved.cost ? <MigrationCostTable cost={saved.cost} prices={saved.cost.prices} days={PLAN_DAYS} /> : null}</PlanView>
    </div>
  );
}
