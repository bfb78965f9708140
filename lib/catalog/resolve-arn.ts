// Which connection a service ARN belongs to: DescribeService through every connection that
// serves the ARN's region; the first that knows the service owns it.
import { appRunnerClient } from "@/lib/aws/clients";
import { listConnections } from "@/lib/connections/connections";
import { describeServiceByArn } from "@/lib/services/describe-service";
import { regionOfArn } from "@/lib/services/service-view";
import type { ResolvedService } from "./apply-import";

export async function resolveArnThroughConnections(arn: string): Promise<ResolvedService | null> {
  const region = regionOfArn(arn);
  if (!region) return null;
  for (const c of (await listConnections()).filter((c) => c.regions.includes(region))) {
    const s = await describeServiceByArn(await appRunnerClient(c.id, region), arn).catch(() => undefined);
    if (s && s.Status !== "DELETED") {
      return { connectionId: c.id, region, serviceId: s.ServiceId ?? "", serviceName: s.ServiceName ?? "", status: s.Status ?? "RUNNING", serviceUrl: s.ServiceUrl ?? null };
    }
  }
  return null;
}
