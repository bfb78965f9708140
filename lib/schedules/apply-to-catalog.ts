// One schedule onto many services: every catalog service (not gone) of a team, with a tag,
// and/or matching a catalog list filter. Each is checked on its own (running or paused) and
// stored or listed as skipped with the reason; one bad service never blocks the rest.
import "server-only";
import { appRunnerClient } from "@/lib/aws/clients";
import { listCatalogRows } from "@/lib/catalog/catalog-entries";
import { filterCatalog, parseCatalogQuery } from "@/lib/catalog/catalog-query";
import { mapLimit } from "@/lib/services/map-limit";
import type { Schedule } from "./schedule-model";
import { assertSchedulable, storeSchedule } from "./save-schedule";

export interface CatalogSelection {
  team: string;
  tag: string;
  /** a catalog list's query string, e.g. "lifecycle=experimental&region=us-east-1" */
  filter: string;
}

export interface BulkResult {
  applied: string[];
  skipped: { name: string; reason: string }[];
}

export async function selectCatalogServices(sel: CatalogSelection) {
  const query = parseCatalogQuery(new URLSearchParams(sel.filter.replace(/^\?/, "")));
  return filterCatalog(await listCatalogRows(), query).filter((r) => !r.gone && (!sel.team || r.owner === sel.team) && (!sel.tag || r.tags.includes(sel.tag)));
}

export async function applyScheduleToCatalog(rows: Awaited<ReturnType<typeof selectCatalogServices>>, schedule: Schedule, by: string): Promise<BulkResult> {
  const result: BulkResult = { applied: [], skipped: [] };
  await mapLimit(rows, 4, async (r) => {
    try {
      const client = await appRunnerClient(r.connectionId, r.region);
      const name = await assertSchedulable(client, r.arn);
      await storeSchedule({ serviceArn: r.arn, serviceName: name, connectionId: r.connectionId, region: r.region, schedule, createdBy: by });
      result.applied.push(name);
    } catch (err) {
      result.skipped.push({ name: r.name, reason: err instanceof Error ? err.message : String(err) });
    }
  });
  result.applied.sort();
  result.skipped.sort((a, b) => a.name.localeCompare(b.name));
  return result;
}
