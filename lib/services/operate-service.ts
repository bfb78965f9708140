// The one pipeline for a change to an existing service, shared by the Server Actions that make
// one (lib/services/service-actions.ts, lib/history/history-actions.ts): audit "requested" once
// the request is about to go to AWS, "failed" with AWS's words when it refuses, and track the
// operation so its end is audited (and versioned) by the operation watcher.
// Not a "use server" file on purpose: nothing here may become a callable action.
import "server-only";
import { revalidatePath } from "next/cache";
import type { AppRunnerClient } from "@aws-sdk/client-apprunner";
import { ActionError, type ActionContext } from "@/lib/actions/safe-action";
import { formatAwsError, describeAwsError } from "@/lib/services/aws-error";
import { trackOperation } from "@/lib/operations/track-operation";
import { servicesTarget } from "@/lib/services/services-client";
import { regionOfArn } from "@/lib/services/service-view";

export function upstream(err: unknown): ActionError {
  return new ActionError(formatAwsError(err), describeAwsError(err).code === "ResourceNotFoundException" ? "not_found" : "upstream");
}

/** Track an accepted operation. AWS already took the request, so a database error must not fail the action. */
export async function track(input: Parameters<typeof trackOperation>[0]): Promise<void> {
  await trackOperation(input).catch((err: unknown) => console.error(`[operations] could not track ${input.operationId}:`, err instanceof Error ? err.message : err));
}

/** Call App Runner for an existing service; audit requested/failed; watch the operation to its end. */
export async function operate(
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
export const afterRequested =
  (fn: (client: AppRunnerClient) => Promise<string | undefined>) =>
  async (client: AppRunnerClient, requested: () => Promise<void>) => {
    await requested();
    return fn(client);
  };

