"use server";
// Rollback to a stored version: one UpdateService with the version's configuration (only the
// sections that differ), or a StartDeployment for an image service whose configuration already
// matches. Audited as "service.rollback" and watched to its end like every other operation;
// when it succeeds, the watcher records the new version ("restored from vN").
import { UpdateServiceCommand } from "@aws-sdk/client-apprunner";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { describeServiceByArn } from "@/lib/services/describe-service";
import { operate } from "@/lib/services/operate-service";
import { serviceArn } from "@/lib/services/service-arn";
import { startDeployment } from "@/lib/services/start-deployment";
import { planRollback } from "./rollback-plan";
import { parseServiceConfig } from "./service-config";
import { findVersion } from "./load-history";

const rollbackInput = z.object({ serviceArn, versionId: z.string().trim().min(1, "Pick a version").max(64) });

export const rollbackServiceAction = defineAction({ name: "service.rollback", permission: "services:operate", schema: rollbackInput, audit: false }, async ({ serviceArn, versionId }, ctx) => {
  const version = await findVersion(versionId);
  // Refused before anything is sent: nothing changes, and the refusal is on the record.
  const refuse = async (message: string, code: "validation" | "not_found") => {
    await ctx.audit({ target: serviceArn, request: { versionId }, result: "failed", error: message });
    return new ActionError(message, code, { versionId: [message] });
  };
  if (!version) throw await refuse("That version does not exist.", "not_found");
  if (version.serviceArn !== serviceArn) throw await refuse(`Version ${version.number} belongs to another service (${version.serviceArn.split("/")[1] ?? "?"}), not this one.`, "validation");
  const target = parseServiceConfig(version.config);
  const request = { versionId, restoredFrom: version.number };
  let sent: { sections: string[]; redeployOnly: boolean; notes: string[] } = { sections: [], redeployOnly: false, notes: [] };
  const result = await operate(
    ctx,
    "service.rollback",
    serviceArn,
    async (client, requested) => {
      const current = await describeServiceByArn(client, serviceArn);
      let plan;
      try {
        plan = planRollback(target, current);
      } catch (err) {
        throw new ActionError(err instanceof Error ? err.message : String(err), "validation");
      }
      if (!plan.sections.length && !plan.redeployOnly) throw new ActionError(`The service already has the configuration of version ${version.number}: there is nothing to roll back.`, "conflict");
      sent = { sections: plan.sections, redeployOnly: plan.redeployOnly, notes: plan.notes };
      await requested();
      if (plan.redeployOnly) return startDeployment(client, serviceArn);
      return (await client.send(new UpdateServiceCommand(plan.input))).OperationId;
    },
    request,
  );
  return { ...result, version: version.number, ...sent };
});
