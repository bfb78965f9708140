// Every service's projected month from the last 7 days of real usage, for one connection and
// region, and their total. A service whose reading fails is listed with the reason, not dropped.
import "server-only";
import { appRunnerClient, cloudWatchClient, getAwsContext } from "@/lib/aws/clients";
import { getPriceTable } from "@/lib/costs/price-tables";
import { fleetUsage, type FleetCostRow } from "@/lib/costs/fleet-usage";
import { listServicesInRegion } from "@/lib/services/list-services";

export type FleetRow = FleetCostRow;

export const FLEET_DAYS = 7;

export interface FleetCost {
  connection: string;
  region: string;
  days: number;
  rows: FleetRow[];
  total: number;
}

/** `region` must be one of the selected connection's regions (callers check or take it from the context). */
export async function fleetCost(region: string): Promise<FleetCost> {
  const { connection } = await getAwsContext();
  const apprunner = await appRunnerClient(connection.id, region);
  const list = (await listServicesInRegion(apprunner, region)).filter((r) => r.status !== "DELETED");
  const [cloudwatch, table] = await Promise.all([cloudWatchClient(connection.id, region), getPriceTable(region)]);
  const rows = await fleetUsage(apprunner, cloudwatch, region, list, table.prices, FLEET_DAYS);
  rows.sort((a, b) => (b.projectedMonth ?? -1) - (a.projectedMonth ?? -1) || a.name.localeCompare(b.name));
  return { connection: connection.name, region, days: FLEET_DAYS, rows, total: rows.reduce((s, r) => s + (r.projectedMonth ?? 0), 0) };
}
