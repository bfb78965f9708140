"use server";
// Service mutations. Each writes "requested" with the service ARN when App Runner accepts
// it; the final result is written by the operation watcher when the ListOperations entry
// ends (lib/operations/: a row per operation, so any console process finishes it). Failures are audited here.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { formatAwsError, describeAwsError } from "@/lib/services/aws-error";
import { afterRequested, operate, track } from "@/lib/services/operate-service";
import { serviceArn } from "@/lib/services/service-arn";
import { createService } from "@/lib/services/create-service";
import { associateCustomDomain, disassociateCustomDomain } from "@/lib/services/custom-domains";
import { deleteService } from "@/lib/services/delete-service";
import { pauseService } from "@/lib/services/pause-service";
import { resumeService } from "@/lib/services/resume-service";
import { serviceFormSchema } from "@/lib/services/service-form-schema";
import { servicesTarget } from "@/lib/services/services-client";
import { checkLocalSource } from "@/lib/services/source-path";
import { regionOfArn } from "@/lib/services/service-view";
import { recordVersionNow } from "@/lib/history/record-change";
import { startDeployment } from "@/lib/services/start-deployment";
import { updateService } from "@/lib/services/update-service";

const serviceRef = z.object({ serviceArn });

const nameOfArn = (arn: string) => arn.split("/")[1] ?? "";
const idOfArn = (arn: string) => arn.split("/")[2] ?? "";

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
    if (!result.operationId && changed.includes("Tags")) {
      // Tags apply at once (no operation for the watcher to follow): version them now.
      const { connection, region, client } = await servicesTarget(regionOfArn(serviceArn));
      await recordVersionNow({ client, serviceArn, connectionId: connection.id, region, action: "service.update", author: { id: ctx.user.id, email: ctx.user.email } }).catch((err: unknown) =>
        console.error(`[history] could not record the version of ${serviceArn}:`, err instanceof Error ? err.message : err),
      );
    }
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
