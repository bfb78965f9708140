// One auto scaling configuration's limits (the service page's Overview and Metrics tab).
import { DescribeAutoScalingConfigurationCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";
import { toAutoScalingView, type AutoScalingView } from "./auto-scaling-view";

export async function describeAutoScaling(client: AppRunnerClient, arn: string): Promise<AutoScalingView | undefined> {
  const out = await client.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: arn }));
  return out.AutoScalingConfiguration ? toAutoScalingView(out.AutoScalingConfiguration) : undefined;
}
