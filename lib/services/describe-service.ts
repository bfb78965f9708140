// DescribeService by region + id (resolving the ARN through the cache, then ListServices).
import { DescribeServiceCommand, ResourceNotFoundException, type AppRunnerClient, type Service } from "@aws-sdk/client-apprunner";
import { cachedServiceArn, rememberServiceArn } from "./service-arn-cache";
import { listServicesInRegion } from "./list-services";
import { mapLimit } from "./map-limit";

export async function resolveServiceArn(client: AppRunnerClient, region: string, id: string): Promise<string | undefined> {
  const cached = cachedServiceArn(region, id);
  if (cached) return cached;
  const rows = await listServicesInRegion(client, region);
  return rows.find((r) => r.id === id)?.arn;
}

/** The service, or undefined when it does not exist (for notFound()). */
export async function describeService(client: AppRunnerClient, region: string, id: string): Promise<Service | undefined> {
  const arn = await resolveServiceArn(client, region, id);
  if (!arn) return undefined;
  try {
    return await describeServiceByArn(client, arn);
  } catch (err) {
    if (err instanceof ResourceNotFoundException || (err as Error).name === "ResourceNotFoundException") return undefined;
    throw err;
  }
}

export async function describeServiceByArn(client: AppRunnerClient, arn: string): Promise<Service> {
  const out = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
  if (!out.Service) throw new Error("DescribeService returned no service");
  const s = out.Service;
  if (s.ServiceId && s.ServiceArn) rememberServiceArn(s.ServiceArn.split(":")[3] ?? "", s.ServiceId, s.ServiceArn);
  return s;
}

/** Describe many services with bounded parallelism (a dashboard page, not the whole region). */
export async function describeServices(client: AppRunnerClient, arns: readonly string[], concurrency = 8): Promise<Map<string, Service>> {
  const out = new Map<string, Service>();
  await mapLimit(arns, concurrency, async (arn) => {
    // A row without details still shows what ListServices said.
    const s = await describeServiceByArn(client, arn).catch(() => undefined);
    if (s) out.set(arn, s);
  });
  return out;
}
