// The service page's Migrate tab: the plan built from the service as it is now, its cost side
// by side, saving (which keeps a dated copy with its download) and the saved plans.
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { loadPlan, PLAN_DAYS } from "@/lib/migrate/load-plan";
import { listSavedPlans } from "@/lib/migrate/saved-plans";
import { MigrationCostTable } from "./migration-cost-table";
import { PlanView } from "./plan-view";
import { SavePlanForm, type SavePlan } from "./save-plan-form";
import { SavedPlansList } from "./saved-plans-list";

export async function MigrateTab({ region, id, save }: { region: string; id: string; save: SavePlan }) {
  const user = await requireUser("read");
  // Throws when any part of the service cannot be read: the tab shows the error, never half a plan.
  const loaded = await loadPlan(region, id);
  if (!loaded) notFound();
  const saved = await listSavedPlans(loaded.plan.service.arn);
  return (
    <div className="space-y-4">
      <p className="muted text-sm">
        AWS closed App Runner to new customers and recommends Amazon ECS Express Mode. This plan maps the service to an Express service, lists what does not carry over, and prices both from real usage.
      </p>
      <PlanView plan={loaded.plan}>
        <MigrationCostTable cost={loaded.cost} prices={loaded.prices} days={PLAN_DAYS} />
      </PlanView>
      {can(user.role, "estimates:edit") ? <SavePlanForm save={save} region={region} id={id} askYaml={loaded.configurationSource === "REPOSITORY"} /> : null}
      <SavedPlansList plans={saved} />
    </div>
  );
}
