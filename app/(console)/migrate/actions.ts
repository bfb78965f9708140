"use server";
// Saving a migration plan. The server reads the service and CloudWatch again and builds the plan
// itself: nothing the browser sends but the service's address and an apprunner.yaml is used.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { ActionError, fieldError } from "@/lib/actions/action-result";
import { parseApprunnerYaml } from "@/lib/migrate/apprunner-yaml";
import { loadPlan } from "@/lib/migrate/load-plan";
import { savePlan } from "@/lib/migrate/saved-plans";
import { serviceRouteParams } from "@/lib/routes/service-route-params";

const schema = serviceRouteParams.extend({
  apprunnerYaml: z.string().max(20_000, "apprunner.yaml: at most 20,000 characters").optional(),
});

export const saveMigrationPlanAction = defineAction({ name: "migration_plan.save", permission: "estimates:edit", schema }, async ({ region, id, apprunnerYaml }, ctx) => {
  const yaml = apprunnerYaml?.trim() || undefined;
  // A file we cannot use is refused at its field, before anything is read or saved.
  if (yaml) {
    const parsed = parseApprunnerYaml(yaml);
    if (!parsed.ok) throw fieldError("apprunnerYaml", parsed.error);
  }
  const loaded = await loadPlan(region, id, yaml);
  if (!loaded) throw new ActionError("That service no longer exists.", "not_found");
  const { plan, cost, connection, prices } = loaded;
  const saved = await savePlan({ connectionId: connection.id, plan, cost: { ...cost, prices }, author: { id: ctx.user.id, email: ctx.user.email } });
  ctx.setAuditDetails({
    target: plan.service.name,
    connectionId: connection.id,
    region,
    request: { planId: saved.id, service: plan.service.arn, readiness: plan.readiness, monthlyDifference: cost.differenceX86 === null ? null : Math.round(cost.differenceX86 * 100) / 100, apprunnerYaml: apprunnerYaml ? "provided" : "none" },
  });
  revalidatePath(`/services/${region}/${id}`);
  revalidatePath("/migrate");
  return { id: saved.id };
});
