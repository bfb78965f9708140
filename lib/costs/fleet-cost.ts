// Every service's projected month from the last 7 days of real usage, for one connection and
// region, and their total. A service whose reading fails is listed with the reason, not dropped.
import "server-only";
import { describeAwsError } from "@/lib/services/aws-error";
import { describeServices } from "@/lib/services/describe-service";
import { listServicesInRegion } from "@/lib/services/list-services";
import { mapLimit } from "@/lib/services/map-limit";
import { servicesTarget } from "@/lib/services/services-client";
import { serviceUsage } from "@/lib/costs/service-usage";

export interface FleetRow {
  name: string;
  id: string;
  region: string;
  status: string;
  projectedMonth: number | null;
  activeInstanceHours: number | null;
  error?: string;
}

export const FLEET_DAYS = 7;

export async function fleetCost(region: string): Promise<{ connection: string; region: string; rows: FleetRow[]; total: number }> {
  const { client, connection } = await servicesTarget(region);
  const list = (await listServicesInRegion(client, region)).filter((r) => r.status !== "DELETED");
  const described = await describeServices(client, list.map((r) => r.arn));
  const rows: FleetRow[] = [];
  await mapLimit(list, 6, async (r) => {
    const s = described.get(r.arn);
    try {
      if (!s) throw new Error("DescribeService failed");
      const u = await serviceUsage(client, s, region, FLEET_DAYS);
      rows.push({ name: r.name, id: r.id, region, status: r.status, projectedMonth: u.estimate.projectedMonth.total, activeInstanceHours: u.estimate.activeInstanceHours });
    } catch (err) {
      rows.push({ name: r.name, id: r.id, region, status: r.status, projectedMonth: null, activeInstanceHours: null, error: describeAwsError(err).message });
    }
  });
  rows.sort((a, b) => (b.projectedMonth ?? -1) - (a.projectedMonth ?? -1) || a.name.localeCompare(b.name));
  return { connection: connection.name, region, rows, total: rows.reduce((s, r) => s + (r.projectedMonth ?? 0), 0) };
}
