// Auto scaling configurations to pick from in the service form (latest revisions only).
import { ListAutoScalingConfigurationsCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";

export interface AutoScalingOption {
  arn: string;
  label: string;
}

export async function listAutoScalingOptions(client: AppRunnerClient): Promise<AutoScalingOption[]> {
  const out: AutoScalingOption[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListAutoScalingConfigurationsCommand({ LatestOnly: true, MaxResults: 100, NextToken: nextToken }));
    for (const c of page.AutoScalingConfigurationSummaryList ?? []) {
      if (!c.AutoScalingConfigurationArn) continue;
      out.push({
        arn: c.AutoScalingConfigurationArn,
        label: `${c.AutoScalingConfigurationName ?? "?"} #${c.AutoScalingConfigurationRevision ?? "?"}${c.IsDefault ? " (default)" : ""}`,
      });
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return out;
}
