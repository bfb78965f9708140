// The usage estimate for a page: the service through the current connection, days clamped 1–30.
import "server-only";
import { describeService } from "@/lib/services/describe-service";
import { servicesTarget } from "@/lib/services/services-client";
import { serviceUsage, type ServiceUsage } from "@/lib/costs/service-usage";

export const parseDays = (v: string | undefined): number => {
  const n = Math.trunc(Number(v));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 30) : 7;
};

/** null when the service does not exist (for notFound()). */
export async function loadServiceUsage(region: string, id: string, days: number): Promise<ServiceUsage | null> {
  const { client } = await servicesTarget(region);
  const s = await describeService(client, region, id);
  if (!s || s.Status === "DELETED") return null;
  return serviceUsage(client, s, region, days);
}
