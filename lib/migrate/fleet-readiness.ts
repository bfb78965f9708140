// Every service in a region with its readiness to move and its monthly difference, and the
// total. A service that cannot be read is listed with the reason, not dropped or half-planned.
import "server-only";
import { describeAwsError } from "@/lib/services/aws-error";
import { listServicesInRegion } from "@/lib/services/list-services";
import { mapLimit } from "@/lib/services/map-limit";
import { servicesTarget } from "@/lib/services/services-client";
import type { Readiness } from "./build-plan";
import { loadPlan } from "./load-plan";

export interface FleetPlanRow {
  name: string;
  id: string;
  region: string;
  status: string;
  readiness: Readiness | null;
  decisions: number;
  appRunner: number | null;
  expressX86: number | null;
  difference: number | null;
  error?: string;
}

export async function fleetReadiness(region: string): Promise<{ connection: string; region: string; rows: FleetPlanRow[]; totals: { appRunner: number; expressX86: number; difference: number; unpriced: number } }> {
  const { client, connection } = await servicesTarget(region);
  const list = (await listServicesInRegion(client, region)).filter((r) => r.status !== "DELETED");
  const rows: FleetPlanRow[] = [];
  // Each plan is several App Runner and CloudWatch reads: a few at a time.
  await mapLimit(list, 4, async (r) => {
    const base = { name: r.name, id: r.id, region, status: r.status };
    try {
      const loaded = await loadPlan(region, r.id);
      if (!loaded) return;
      const c = loaded.cost;
      rows.push({ ...base, readiness: loaded.plan.readiness, decisions: loaded.plan.decisions.length, appRunner: c.appRunner.total, expressX86: c.x86?.total ?? null, difference: c.differenceX86 });
    } catch (err) {
      rows.push({ ...base, readiness: null, decisions: 0, appRunner: null, expressX86: null, difference: null, error: describeAwsError(err).message });
    }
  });
  rows.sort((a, b) => a.name.localeCompare(b.name));
  const priced = rows.filter((r) => r.difference !== null);
  const sum = (f: (r: FleetPlanRow) => number | null) => priced.reduce((s, r) => s + (f(r) ?? 0), 0);
  return { connection: connection.name, region, rows, totals: { appRunner: sum((r) => r.appRunner), expressX86: sum((r) => r.expressX86), difference: sum((r) => r.difference), unpriced: rows.length - priced.length } };
}
