"use server";
// Auto scaling configuration changes: operators and admins only, one audit event each.
// Applying a configuration to a service is an UpdateService: audited "requested", then the
// operation watcher records how it ended (as for every other service operation).
import { revalidatePath } from "next/cache";
import { ActionError, defineAction, type ActionContext } from "@/lib/actions/safe-action";
import { applyAutoScaling, createAutoScaling, deleteAutoScaling, setDefaultAutoScaling } from "@/lib/autoscaling/auto-scaling-commands";
import { applyAutoScalingSchema, autoScalingFormSchema, autoScalingRef } from "@/lib/autoscaling/auto-scaling-schema";
import { formatAwsError } from "@/lib/services/aws-error";
import { trackOperation } from "@/lib/operations/track-operation";
import { servicesTarget } from "@/lib/services/services-client";

const regionOf = (arn: string) => arn.split(":")[3] ?? "";

/** The client for the ARN's region of the selected connection, with the audit details set. */
async function target(ctx: ActionContext, arn: string, request?: Record<string, unknown>) {
  const t = await servicesTarget(regionOf(arn));
  ctx.setAuditDetails({ target: arn, connectionId: t.connection.id, region: t.region, ...(request ? { request } : {}) });
  return t;
}

/** AWS's own words (and code) for the user; the wrapper audits the failure. */
async function aws<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw new ActionError(formatAwsError(err), "upstream");
  }
}

function refresh() {
  revalidatePath("/autoscaling");
  revalidatePath("/services", "layout");
}

export const createAutoScalingAction = defineAction({ name: "autoscaling.create", permission: "services:operate", schema: autoScalingFormSchema }, async (form, ctx) => {
  const { connection, region, client } = await servicesTarget();
  ctx.setAuditDetails({ target: form.name, connectionId: connection.id, region, request: form });
  const created = await aws(() => createAutoScaling(client, form));
  ctx.setAuditDetails({ target: created.arn });
  refresh();
  return { arn: created.arn, name: created.name, revision: created.revision };
});

export const deleteAutoScalingAction = defineAction({ name: "autoscaling.delete", permission: "services:operate", schema: autoScalingRef }, async ({ arn }, ctx) => {
  const { client } = await target(ctx, arn);
  await aws(() => deleteAutoScaling(client, arn));
  refresh();
  return { arn };
});

export const setDefaultAutoScalingAction = defineAction({ name: "autoscaling.set-default", permission: "services:operate", schema: autoScalingRef }, async ({ arn }, ctx) => {
  const { client } = await target(ctx, arn);
  await aws(() => setDefaultAutoScaling(client, arn));
  refresh();
  return { arn };
});

export const applyAutoScalingAction = defineAction(
  { name: "service.autoscaling.apply", permission: "services:operate", schema: applyAutoScalingSchema, audit: false },
  async ({ arn, serviceArn }, ctx) => {
    if (regionOf(arn) !== regionOf(serviceArn)) throw new ActionError("The configuration and the service must be in the same region.", "validation", { serviceArn: ["Not in the configuration's region"] });
    const { connection, region, client } = await servicesTarget(regionOf(serviceArn));
    const details = { target: serviceArn, connectionId: connection.id, region, request: { autoScalingConfigurationArn: arn } };
    ctx.setAuditDetails(details);
    let operationId: string | undefined;
    try {
      operationId = await applyAutoScaling(client, serviceArn, arn);
    } catch (err) {
      await ctx.audit({ ...details, result: "failed", error: formatAwsError(err) });
      throw new ActionError(formatAwsError(err), "upstream");
    }
    await ctx.audit({ ...details, request: { ...details.request, operationId }, result: operationId ? "requested" : "succeeded" });
    if (operationId) {
      // AWS already took the request: a database error must not fail the action.
      await trackOperation({ action: "service.autoscaling.apply", serviceArn, operationId, connectionId: connection.id, region, actor: { user: ctx.user, ip: ctx.ip, userAgent: ctx.userAgent }, request: details.request }).catch((err: unknown) =>
        console.error(`[operations] could not track ${operationId}:`, err instanceof Error ? err.message : err),
      );
    }
    refresh();
    return { operationId, serviceArn };
  },
);
