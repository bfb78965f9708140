// Mirrors an entry's owner and tier into App Runner tags (TagResource), so they show in AWS too.
// Only keys Runway owns are touched; an unset owner or tier removes its tag.
import { appRunnerClient } from "@/lib/aws/clients";
import { ActionError } from "@/lib/actions/action-result";
import type { SessionUser } from "@/lib/auth/session";
import { listTags } from "@/lib/services/list-tags";
import { applyTagChanges } from "@/lib/services/update-tags";
import { recordVersionNow } from "@/lib/history/record-change";
import { canEditEntry, EntryEditDenied, getCatalogEntry } from "./catalog-entries";

export const OWNER_TAG = "runway:owner";
export const TIER_TAG = "runway:tier";

export async function mirrorEntryTags(user: SessionUser, id: string) {
  const entry = await getCatalogEntry(id);
  if (!entry) throw new ActionError("That catalog entry no longer exists", "not_found");
  if (entry.gone) throw new ActionError(`${entry.serviceName} is gone from AWS`, "conflict");
  if (!(await canEditEntry(user, entry.ownerTeamId))) throw new EntryEditDenied(`Only ${entry.ownerTeam?.name ?? "its team"}'s members or an admin may tag ${entry.serviceName}`);
  const client = await appRunnerClient(entry.connectionId, entry.region);
  const current = await listTags(client, entry.arn);
  const want = [...(entry.ownerTeam ? [{ key: OWNER_TAG, value: entry.ownerTeam.name }] : []), ...(entry.tier ? [{ key: TIER_TAG, value: String(entry.tier) }] : [])];
  const set = want.filter((w) => current.find((c) => c.key === w.key)?.value !== w.value);
  const remove = [OWNER_TAG, TIER_TAG].filter((k) => current.some((c) => c.key === k) && !want.some((w) => w.key === k));
  await applyTagChanges(client, entry.arn, { set, remove });
  if (set.length || remove.length) {
    // A tag change is a change to the service: it gets a version, or the next read would call it drift.
    await recordVersionNow({ client, serviceArn: entry.arn, connectionId: entry.connectionId, region: entry.region, action: "catalog.mirror_tags", author: { id: user.id, email: user.email } }).catch((err: unknown) =>
      console.error(`[history] could not record the version after mirroring tags on ${entry.arn}:`, err instanceof Error ? err.message : err),
    );
  }
  return { arn: entry.arn, connectionId: entry.connectionId, region: entry.region, tags: want };
}
