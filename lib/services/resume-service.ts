import { ResumeServiceCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";

export async function resumeService(client: AppRunnerClient, serviceArn: string): Promise<string | undefined> {
  const out = await client.send(new ResumeServiceCommand({ ServiceArn: serviceArn }));
  return out.OperationId;
}
