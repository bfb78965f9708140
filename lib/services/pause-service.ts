import { PauseServiceCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";

/** Returns the operation id App Runner started (see ListOperations). */
export async function pauseService(client: AppRunnerClient, serviceArn: string): Promise<string | undefined> {
  const out = await client.send(new PauseServiceCommand({ ServiceArn: serviceArn }));
  return out.OperationId;
}
