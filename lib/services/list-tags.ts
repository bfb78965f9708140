import { ListTagsForResourceCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";

export async function listTags(client: AppRunnerClient, arn: string): Promise<{ key: string; value: string }[]> {
  const out = await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
  return (out.Tags ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" }));
}
