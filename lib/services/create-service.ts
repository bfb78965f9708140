import { CreateServiceCommand, type AppRunnerClient, type Service } from "@aws-sdk/client-apprunner";
import type { ServiceForm } from "./service-form-schema";
import { rememberServiceArn } from "./service-arn-cache";
import { toCreateServiceInput } from "./to-create-service-input";

export async function createService(client: AppRunnerClient, form: ServiceForm): Promise<{ service: Service; operationId?: string }> {
  const out = await client.send(new CreateServiceCommand(toCreateServiceInput(form)));
  if (!out.Service) throw new Error("CreateService returned no service");
  const s = out.Service;
  if (s.ServiceArn && s.ServiceId) rememberServiceArn(s.ServiceArn.split(":")[3] ?? "", s.ServiceId, s.ServiceArn);
  return { service: s, operationId: out.OperationId };
}
