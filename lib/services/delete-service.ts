import { DeleteServiceCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";

export async function deleteService(client: AppRunnerClient, serviceArn: string): Promise<string | undefined> {
  const out = await client.send(new DeleteServiceCommand({ ServiceArn: serviceArn }));
  return out.OperationId;
}
