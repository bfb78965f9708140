// The App Runner client for the selected connection and a region (the URL's, or the selected one).
import "server-only";
import type { AppRunnerClient } from "@aws-sdk/client-apprunner";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { appRunnerClient, cloudWatchLogsClient, getAwsContext } from "@/lib/aws/clients";
import type { ConnectionView } from "@/lib/connections/connection-view";

export interface ServicesTarget {
  connection: ConnectionView;
  region: string;
  client: AppRunnerClient;
}

export async function servicesTarget(region?: string): Promise<ServicesTarget> {
  const ctx = await getAwsContext();
  const r = region ?? ctx.region;
  return { connection: ctx.connection, region: r, client: await appRunnerClient(ctx.connection.id, r) };
}

export async function logsClientFor(region?: string): Promise<{ connection: ConnectionView; region: string; client: CloudWatchLogsClient }> {
  const ctx = await getAwsContext();
  const r = region ?? ctx.region;
  return { connection: ctx.connection, region: r, client: await cloudWatchLogsClient(ctx.connection.id, r) };
}
