import { UpdateServiceCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";
import type { ServiceForm } from "./service-form-schema";
import { describeServiceByArn } from "./describe-service";
import { listTags } from "./list-tags";
import { toUpdateServiceInput, type UpdateSection } from "./to-update-service-input";
import { applyTagChanges, diffTags, hasTagChanges } from "./update-tags";

/** Sends only what changed; no call at all when nothing did. Tags go through Tag/UntagResource. */
export async function updateService(
  client: AppRunnerClient,
  serviceArn: string,
  form: ServiceForm,
  /** Called once the change set is known and about to be sent (audit "requested"). */
  beforeSend?: () => Promise<void>,
): Promise<{ operationId?: string; changed: (UpdateSection | "Tags")[] }> {
  const [current, tags] = await Promise.all([describeServiceByArn(client, serviceArn), listTags(client, serviceArn)]);
  const plan = toUpdateServiceInput(current, form);
  const tagDiff = diffTags(tags, form.tags);
  const changed: (UpdateSection | "Tags")[] = [...plan.changed, ...(hasTagChanges(tagDiff) ? (["Tags"] as const) : [])];
  if (changed.length === 0) return { changed };
  await beforeSend?.();
  if (hasTagChanges(tagDiff)) await applyTagChanges(client, serviceArn, tagDiff);
  if (plan.changed.length === 0) return { changed };
  const out = await client.send(new UpdateServiceCommand(plan.input));
  return { operationId: out.OperationId, changed };
}
