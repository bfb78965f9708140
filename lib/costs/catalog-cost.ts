// Projected month of catalog entries (a team's services), each read through its own connection
// and region, from the last days of real usage, as the fleet cost panel does for one region.
import "server-only";
import { appRunnerClient } from "@/lib/aws/clients";
import { FLEET_DAYS } from "@/lib/costs/fleet-cost";
import { serviceUsage } from "@/lib/costs/service-usage";
import { describeAwsError } from "@/lib/services/aws-error";
import { describeServiceByArn } from "@/lib/services/describe-service";
import { mapLimit } from "@/lib/services/map-limit";

export interface EntryRef {
  arn: string;
  connectionId: string;
  region: string;
  gone: boolean;
}

/** Per entry: its projected month in USD, or why there is none (a gone service costs nothing). */
export type EntryCost = { month: number } | { month: null; reason: string };

export async function catalogCosts(entries: readonly EntryRef[]): Promise<EntryCost[]> {
  const out: EntryCost[] = entries.map(() => ({ month: null, reason: "not read" }));
  await mapLimit(
    entries.map((e, i) => ({ e, i })),
    6,
    async ({ e, i }) => {
      if (e.gone) {
        out[i] = { month: 0 };
        return;
      }
      try {
        const client = await appRunnerClient(e.connectionId, e.region);
        const service = await describeServiceByArn(client, e.arn);
        const usage = await serviceUsage(client, service, e.region, FLEET_DAYS, e.connectionId);
        out[i] = { month: usage.estimate.projectedMonth.total };
      } catch (err) {
        out[i] = { month: null, reason: describeAwsError(err).message };
      }
    },
  );
  return out;
}
