// ListServices with NextToken pagination, one region or all regions of a connection at once.
// Summaries carry name, status, URL and dates: enough to search, filter and sort without
// a DescribeService per service.
import { ListServicesCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";
import { describeAwsError, type AwsErrorView } from "./aws-error";
import { rememberServiceArn } from "./service-arn-cache";
import { toServiceRow, type ServiceRow } from "./service-view";

// App Runner caps MaxResults at 20 per page.
const PAGE_SIZE = 20;

export async function listServicesInRegion(client: AppRunnerClient, region: string): Promise<ServiceRow[]> {
  const rows: ServiceRow[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListServicesCommand({ MaxResults: PAGE_SIZE, NextToken: nextToken }));
    for (const s of page.ServiceSummaryList ?? []) {
      const row = toServiceRow(s, region);
      rememberServiceArn(row.region, row.id, row.arn);
      rows.push(row);
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return rows;
}

export interface RegionError {
  region: string;
  error: AwsErrorView;
}

/** Fans out to every region in parallel; a failing region is reported, never fatal. */
export async function listServicesInRegions(
  clientFor: (region: string) => Promise<AppRunnerClient>,
  regions: readonly string[],
): Promise<{ rows: ServiceRow[]; errors: RegionError[] }> {
  const settled = await Promise.allSettled(regions.map(async (region) => listServicesInRegion(await clientFor(region), region)));
  const rows: ServiceRow[] = [];
  const errors: RegionError[] = [];
  settled.forEach((r, i) => {
    if (r.status === "fulfilled") rows.push(...r.value);
    else errors.push({ region: regions[i] ?? "", error: describeAwsError(r.reason) });
  });
  return { rows, errors };
}
