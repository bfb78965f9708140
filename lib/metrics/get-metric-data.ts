// Every query of a view through as few GetMetricData calls as the 500-query limit allows,
// following NextToken pages. The batches run in parallel; results merge by query id.
import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery, type MetricDataResult } from "@aws-sdk/client-cloudwatch";
import { batches } from "./metric-batches";
import { mergeResults } from "./metric-series";

export interface MetricDataOutcome {
  series: Map<string, [number, number][]>;
  /** GetMetricData round trips, pages included */
  calls: number;
  /** query ids CloudWatch could not complete (StatusCode other than Complete after all pages) */
  partial: string[];
}

export async function getMetricData(client: CloudWatchClient, queries: readonly MetricDataQuery[], start: number, end: number): Promise<MetricDataOutcome> {
  let calls = 0;
  const results: MetricDataResult[] = [];
  const status = new Map<string, string>();
  await Promise.all(
    batches(queries).map(async (batch) => {
      let nextToken: string | undefined;
      do {
        calls++;
        const out = await client.send(
          new GetMetricDataCommand({ MetricDataQueries: batch, StartTime: new Date(start), EndTime: new Date(end), ScanBy: "TimestampAscending", NextToken: nextToken }),
        );
        for (const r of out.MetricDataResults ?? []) {
          results.push(r);
          if (r.Id && r.StatusCode) status.set(r.Id, r.StatusCode);
        }
        nextToken = out.NextToken;
      } while (nextToken);
    }),
  );
  const partial = [...status].filter(([, s]) => s !== "Complete").map(([id]) => id);
  return { series: mergeResults(results), calls, partial };
}
