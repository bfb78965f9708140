import { UpdateServiceCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";
import type { ServiceForm } from "./service-form-schema";
import { describeServiceByArn } from "./describe-service";
import { toUpdateServiceInput, type UpdateSection } from "./to-update-service-input";

/** Sends only what changed; no call at all when nothing did. */
export async function updateService(
  client: AppRunnerClient,
  serviceArn: string,
  form: ServiceForm,
): Promise<{ operationId?: string; changed: UpdateSection[] }> {
  const current = await describeServiceByArn(client, serviceArn);
  const plan = toUpdateServiceInput(current, form);
  if (plan.changed.length === 0) return { changed: [] };
  const out = await client.send(new UpdateServiceCommand(plan.input));
  return { operationId: out.OperationId, changed: plan.changed };
}
