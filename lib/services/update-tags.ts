// Tags are not part of UpdateService: changes go through TagResource / UntagResource.
import { TagResourceCommand, UntagResourceCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";

export interface TagDiff {
  set: { key: string; value: string }[];
  remove: string[];
}

export function diffTags(current: readonly { key: string; value: string }[], desired: readonly { key: string; value: string }[]): TagDiff {
  const now = new Map(current.map((t) => [t.key, t.value]));
  const want = new Map(desired.map((t) => [t.key, t.value]));
  return {
    set: desired.filter((t) => now.get(t.key) !== t.value),
    remove: current.filter((t) => !want.has(t.key)).map((t) => t.key),
  };
}

export const hasTagChanges = (d: TagDiff) => d.set.length > 0 || d.remove.length > 0;

export async function applyTagChanges(client: AppRunnerClient, arn: string, d: TagDiff): Promise<void> {
  if (d.remove.length) await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: d.remove }));
  if (d.set.length) await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: d.set.map((t) => ({ Key: t.key, Value: t.value })) }));
}
