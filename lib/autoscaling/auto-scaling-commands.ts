// App Runner auto scaling commands, one verb each.
import {
  CreateAutoScalingConfigurationCommand,
  DeleteAutoScalingConfigurationCommand,
  UpdateDefaultAutoScalingConfigurationCommand,
  UpdateServiceCommand,
  type AppRunnerClient,
} from "@aws-sdk/client-apprunner";
import type { AutoScalingForm } from "./auto-scaling-schema";
import { toAutoScalingView, type AutoScalingView } from "./auto-scaling-view";

/** A new configuration, or the next revision when the name exists. */
export async function createAutoScaling(client: AppRunnerClient, form: AutoScalingForm): Promise<AutoScalingView> {
  const out = await client.send(
    new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: form.name, MaxConcurrency: form.maxConcurrency, MinSize: form.minSize, MaxSize: form.maxSize }),
  );
  if (!out.AutoScalingConfiguration) throw new Error("CreateAutoScalingConfiguration returned no configuration");
  return toAutoScalingView(out.AutoScalingConfiguration);
}

export async function deleteAutoScaling(client: AppRunnerClient, arn: string): Promise<void> {
  await client.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: arn }));
}

export async function setDefaultAutoScaling(client: AppRunnerClient, arn: string): Promise<void> {
  await client.send(new UpdateDefaultAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: arn }));
}

/** UpdateService with only the configuration: nothing else about the service changes. */
export async function applyAutoScaling(client: AppRunnerClient, serviceArn: string, arn: string): Promise<string | undefined> {
  const out = await client.send(new UpdateServiceCommand({ ServiceArn: serviceArn, AutoScalingConfigurationArn: arn }));
  return out.OperationId;
}
