"use server";
// Saving, versioning, duplicating and deleting estimates, and editing price tables. Each
// recomputes figures on the server from the stored prices: the client's numbers are never trusted.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { ActionError } from "@/lib/actions/action-result";
import { addEstimateVersion, createEstimate, deleteEstimate, getEstimate } from "@/lib/costs/estimates";
import { getPriceTable, savePriceTable } from "@/lib/costs/price-tables";
import { serviceUsage } from "@/lib/costs/service-usage";
import { priceTableFormSchema } from "@/lib/pricing/price-table-form";
import { estimateScenario } from "@/lib/pricing/scenario";
import { scenarioInputSchema, toScenario } from "@/lib/pricing/scenario-input";
import { describeService } from "@/lib/services/describe-service";
import { servicesTarget } from "@/lib/services/services-client";

const meta = z.object({
  name: z.string().trim().min(1, "Name the estimate").max(120, "At most 120 characters"),
  notes: z.string().trim().max(2000, "At most 2,000 characters").optional(),
  estimateId: z.string().min(1).optional(),
});

export const saveScenarioAction = defineAction({ name: "estimate.save", permission: "estimates:edit", schema: z.intersection(meta, scenarioInputSchema) }, async (input, ctx) => {
  const table = await getPriceTable(input.region);
  const { name, notes, estimateId, ...inputs } = input;
  const estimate = estimateScenario(toScenario(inputs), table.prices);
  const version = { name, notes, inputs, prices: table, monthlyTotal: estimate.appRunner.total, breakdown: estimate.appRunner };
  const author = { id: ctx.user.id, email: ctx.user.email };
  ctx.setAuditDetails({ target: name, region: input.region, request: { name, estimateId, monthlyTotal: Math.round(estimate.appRunner.total * 100) / 100 } });
  const saved = estimateId ? await addEstimateVersion(estimateId, version, author) : await createEstimate({ kind: "scenario", region: input.region }, version, author);
  if (estimateId) await ctx.audit({ action: "estimate.edit", target: `${name} (v${saved.version})` });
  revalidatePath("/costs");
  return saved;
});

export const saveUsageEstimateAction = defineAction(
  { name: "estimate.save", permission: "estimates:edit", schema: meta.extend({ region: z.string().min(1), serviceId: z.string().regex(/^[a-zA-Z0-9-]{1,64}$/, "Not a service id"), days: z.coerce.number().int().min(1, "1 to 30 days").max(30, "1 to 30 days") }) },
  async ({ name, notes, region, serviceId, days }, ctx) => {
    const { client, connection } = await servicesTarget(region);
    const s = await describeService(client, region, serviceId);
    if (!s) throw new ActionError("That service no longer exists.", "not_found");
    const u = await serviceUsage(client, s, region, days);
    ctx.setAuditDetails({ target: name, region, connectionId: connection.id, request: { name, service: u.service.name, days } });
    const inputs = { days, start: new Date(u.start).toISOString(), size: u.size, minSize: u.minSize, autoDeploy: u.autoDeploy, activeInstanceHours: u.estimate.activeInstanceHours, idleInstanceHours: u.estimate.idleInstanceHours, requests: u.estimate.requests, measured: u.estimate.measured, assumed: u.estimate.assumed };
    const saved = await createEstimate(
      { kind: "usage", region, connectionId: connection.id, serviceArn: u.service.arn, serviceName: u.service.name },
      { name, notes, inputs, prices: u.table, monthlyTotal: u.estimate.projectedMonth.total, breakdown: u.estimate.projectedMonth },
      { id: ctx.user.id, email: ctx.user.email },
    );
    revalidatePath("/costs");
    return saved;
  },
);

const idInput = z.object({ id: z.string().min(1) });

export const duplicateEstimateAction = defineAction({ name: "estimate.duplicate", permission: "estimates:edit", schema: idInput }, async ({ id }, ctx) => {
  const e = await getEstimate(id);
  if (!e) throw new ActionError("That estimate no longer exists.", "not_found");
  const v = e.latest;
  const name = `Copy of ${v.name}`.slice(0, 120);
  ctx.setAuditDetails({ target: name, region: e.region, request: { from: v.name } });
  // The copy keeps the prices the original used; saving it again as a new version reprices it.
  const saved = await createEstimate({ kind: e.kind, region: e.region, ...(e.serviceArn ? { serviceArn: e.serviceArn } : {}), ...(e.serviceName ? { serviceName: e.serviceName } : {}) }, { name, notes: v.notes ?? undefined, inputs: v.inputs, prices: v.prices, monthlyTotal: v.monthlyTotal, breakdown: v.breakdown }, { id: ctx.user.id, email: ctx.user.email });
  revalidatePath("/costs");
  return saved;
});

export const deleteEstimateAction = defineAction({ name: "estimate.delete", permission: "estimates:edit", schema: idInput }, async ({ id }, ctx) => {
  ctx.setAuditDetails({ target: id });
  const { name } = await deleteEstimate(id);
  ctx.setAuditDetails({ target: name });
  revalidatePath("/costs");
  return { id };
});

export const savePriceTableAction = defineAction({ name: "price_table.update", permission: "prices:manage", schema: priceTableFormSchema }, async (input, ctx) => {
  ctx.setAuditDetails({ target: input.region, region: input.region, request: input });
  const saved = await savePriceTable(input, ctx.user.email);
  revalidatePath("/costs/prices");
  return { region: saved.region, version: saved.version };
});
