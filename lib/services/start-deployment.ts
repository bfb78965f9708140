import { StartDeploymentCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";

export async function startDeployment(client: AppRunnerClient, serviceArn: string): Promise<string | undefined> {
  const out = await client.send(new StartDeploymentCommand({ ServiceArn: serviceArn }));
  return out.OperationId;
}
