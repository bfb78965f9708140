"use server";
// Service mutations. Each writes "requested" with the service ARN when App Runner accepts
// it; the final result is written by the operation watcher when the ListOperations entry
// ends (lib/operations/: a row per operation, so any console process finishes it). Failures are audited here.
import { revalidatePath } from "next/cache";
import type { AppRunnerClient } from "@aws-sdk/client-apprunner";
import { z } from "zod";
import { ActionError, defineAction, type ActionContext } from "@/lib/actions/safe-action";
import { formatAwsError, describeAwsError } from "@/lib/services/aws-error";
import { trackOperation } from "@/lib/operations/track-operation";
import { createService } from "@/lib/services/create-service";
import { associateCustomDomain, disassociateCustomDomain } from "@/lib/services/custom-domains";
import { deleteService } from "@/lib/services/delete-service";
import { pauseService } from "@/lib/services/pause-service";
import { resumeService } from "@/lib/services/resume-service";
import { serviceFormSchema } from "@/lib/services/service-form-schema";
import { servicesTarget } from "@/lib/services/services-client";
import { checkLocalSource } from "@/lib/services/source-path";
import { regionOfArn } from "@/lib/services/service-view";
import { startDeployment } from "@/lib/services/start-deployment";
import { updateService } from "@/lib/services/update-service";

const serviceArn = z
  .string()
  .regex(/^arn:aws(-[\w]+)*:apprunner:[a-z0-9-]+:[0-9]{12}:service\/[A-Za-z0-9][A-Za-z0-9-_]{3,39}\/[A-Za-z0-9]+$/, "Not an App Runner service ARN");
const serviceRef = z.object({ serviceArn });

const nameOfArn = (arn: string) => arn.split("/")[1] ?? "";
const idOfArn = (arn: string) => arn.split("/")[2] ?? "";

function upstream(err: unknown): ActionError {
  return new ActionError(formatAwsError(err), describeAwsError(err).code === "ResourceNotFoundException" ? "not_found" : "upstream");
}

/** Track an accepted operation. AWS already took the request, so a database error must not fail the action. */
async function track(input: Parameters<typeof trackOperation>[0]): Promise<void> {
  await trackOperation(input).catch((err: unknown) => console.error(`[operations] could not track ${input.operationId}:`, err instanceof Error ? err.message : err));
}

/** Call App Runner for an existing service; audit requested/failed; watch the operation to its end. */
async function operate(
  ctx: ActionContext,
  action: string,
  arn: string,
  /** `markRequested` records "requested" once the request is valid and about to go to AWS. */
  call: (client: AppRunnerClient, markRequested: () => Promise<void>) => Promise<string | undefined>,
  request?: Record<string, unknown>,
): Promise<{ operationId?: string }> {
  const region = regionOfArn(arn) ?? "";
  const { connection, client } = await servicesTarget(region);
  const details = { target: arn, connectionId: connection.id, region, ...(request ? { request } : {}) };
  ctx.setAuditDetails(details);
  let operationId: string | undefined;
  let requested = false;
  try {
    operationId = await call(client, async () => {
      await ctx.audit({ ...details, result: "requested" });
      requested = true;
    });
  } catch (err) {
    if (err instanceof ActionError) throw err;
    await ctx.audit({ ...details, result: "failed", error: formatAwsError(err) });
    throw upstream(err);
  }
  if (!requested) await ctx.audit({ ...details, result: "requested", ...(operationId ? { request: { ...request, operationId } } : {}) });
  if (operationId) {
    await track({ action, serviceArn: arn, operationId, connectionId: connection.id, region, actor: { user: ctx.user, ip: ctx.ip, userAgent: ctx.userAgent }, request });
  } else {
    await ctx.audit({ ...details, result: "succeeded" });
  }
  revalidatePath("/services", "layout");
  return { operationId };
}

/** Audit "requested", then make the call. */
const afterRequested =
  (fn: (client: AppRunnerClient) => Promise<string | undefined>) =>
  async (client: AppRunnerClient, requested: () => Promise<void>) => {
    await requested();
    return fn(client);
  };

export const pauseServiceAction = defineAction(
  { name: "service.pause", permission: "services:operate", schema: serviceRef, audit: false },
  async ({ serviceArn }, ctx) => operate(ctx, "service.pause", serviceArn, afterRequested((c) => pauseService(c, serviceArn))),
);

export const resumeServiceAction = defineAction(
  { name: "service.resume", permission: "services:operate", schema: serviceRef, audit: false },
  async ({ serviceArn }, ctx) => operate(ctx, "service.resume", serviceArn, afterRequested((c) => resumeService(c, serviceArn))),
);

export const startDeploymentAction = defineAction(
  { name: "service.deploy", permission: "services:operate", schema: serviceRef, audit: false },
  async ({ serviceArn }, ctx) => operate(ctx, "service.deploy", serviceArn, afterRequested((c) => startDeployment(c, serviceArn))),
);

export const deleteServiceAction = defineAction(
  { name: "service.delete", permission: "services:operate", schema: z.object({ serviceArn, confirmName: z.string() }), audit: false },
  async ({ serviceArn, confirmName }, ctx) => {
    if (confirmName !== nameOfArn(serviceArn)) {
      throw new ActionError("Type the service name exactly to confirm.", "validation", { confirmName: ["Does not match the service name"] });
    }
    return operate(ctx, "service.delete", serviceArn, afterRequested((c) => deleteService(c, serviceArn)));
  },
);

export const createServiceAction = defineAction(
  { name: "service.create", permission: "services:operate", schema: serviceFormSchema, audit: false },
  async (form, ctx) => {
    const { connection, region, client } = await servicesTarget();
    const request = { serviceName: form.serviceName, source: form.source.kind, env: form.env.map((e) => e.name) };
    // The local runtime reads a local path from this machine: a missing folder is a field error
    // now, not a service that fails to build and must be deleted by hand.
    if (connection.kind === "local" && form.source.kind === "code") {
      const problem = await checkLocalSource(form.source.repositoryUrl, form.source.sourceDirectory);
      if (problem) throw new ActionError(problem, "validation", { "source.repositoryUrl": [problem] });
    }
    let created: Awaited<ReturnType<typeof createService>>;
    try {
      created = await createService(client, form);
    } catch (err) {
      await ctx.audit({ target: form.serviceName, connectionId: connection.id, region, request, result: "failed", error: formatAwsError(err) });
      const message = formatAwsError(err);
      // A name clash comes back as InvalidRequest ("Service with the provided name already
      // exists: x"): it belongs to the name field, where the form shows it.
      const onName = /\bname\b.*already exists|already exists.*\bname\b/i.test(describeAwsError(err).message) ? { serviceName: [message] } : undefined;
      throw new ActionError(message, "upstream", onName);
    }
    const arn = created.service.ServiceArn ?? "";
    const details = { target: arn, connectionId: connection.id, region, request: { ...request, operationId: created.operationId } };
    await ctx.audit({ ...details, result: created.operationId ? "requested" : "succeeded" });
    if (created.operationId) {
      await track({ action: "service.create", serviceArn: arn, operationId: created.operationId, connectionId: connection.id, region, actor: { user: ctx.user, ip: ctx.ip, userAgent: ctx.userAgent }, request });
    }
    revalidatePath("/services", "layout");
    return { region, id: created.service.ServiceId ?? idOfArn(arn), operationId: created.operationId };
  },
);

export const updateServiceAction = defineAction(
  { name: "service.update", permission: "services:operate", schema: z.object({ serviceArn, form: serviceFormSchema }), audit: false },
  async ({ serviceArn, form }, ctx) => {
    let changed: string[] = [];
    const result = await operate(
      ctx,
      "service.update",
      serviceArn,
      async (c, requested) => {
        const r = await updateService(c, serviceArn, form, requested);
        changed = r.changed;
        if (!r.changed.length) throw new ActionError("Nothing changed.", "validation");
        return r.operationId;
      },
      { env: form.env.map((e) => e.name) },
    );
    return { ...result, changed };
  },
);

const domainName = z.string().trim().toLowerCase().min(1, "Enter a domain").max(255).regex(/^[A-Za-z0-9*.-]{1,255}$/, "Letters, digits, -, . and * only");

export const associateDomainAction = defineAction(
  { name: "service.domain.associate", permission: "services:operate", schema: z.object({ serviceArn, domainName, enableWww: z.boolean().default(false) }), audit: false },
  async ({ serviceArn, domainName, enableWww }, ctx) => {
    let records: Awaited<ReturnType<typeof associateCustomDomain>> | undefined;
    await operate(ctx, "service.domain.associate", serviceArn, async (c, requested) => {
      await requested();
      records = await associateCustomDomain(c, serviceArn, domainName, enableWww);
      return undefined;
    }, { domainName, enableWww });
    return records;
  },
);

export const disassociateDomainAction = defineAction(
  { name: "service.domain.disassociate", permission: "services:operate", schema: z.object({ serviceArn, domainName }), audit: false },
  async ({ serviceArn, domainName }, ctx) => {
    await operate(ctx, "service.domain.disassociate", serviceArn, async (c, requested) => {
      await requested();
      await disassociateCustomDomain(c, serviceArn, domainName);
      return undefined;
    }, { domainName });
    return { domainName };
  },
);
