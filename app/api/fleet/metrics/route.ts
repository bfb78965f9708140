// The dashboard's fleet figures for the selected connection and region, fetched by the browser
// after the services table has rendered, so they never slow it.
import { NextResponse } from "next/server";
import { appRunnerClient, cloudWatchClient, getAwsContext } from "@/lib/aws/clients";
import { loadFleetMetrics } from "@/lib/metrics/fleet-metrics";
import { metricsErrorBody } from "@/lib/metrics/metrics-error";
import { listServicesInRegion } from "@/lib/services/list-services";
import { readerOrResponse } from "@/lib/services/route-guard";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const guard = await readerOrResponse();
  if (guard instanceof NextResponse) return guard;
  let attempted = "apprunner:ListServices";
  try {
    const ctx = await getAwsContext();
    const wanted = new URL(req.url).searchParams.get("region");
    // Only a region of the selected connection: the browser cannot point us anywhere else.
    const region = wanted && ctx.connection.regions.includes(wanted) ? wanted : ctx.region;
    const rows = await listServicesInRegion(await appRunnerClient(ctx.connection.id, region), region);
    attempted = "cloudwatch:GetMetricData";
    const live = rows.filter((r) => r.status !== "DELETED");
    const fleet = await loadFleetMetrics(await cloudWatchClient(ctx.connection.id, region), live.map((r) => ({ id: r.id, name: r.name, region })));
    return NextResponse.json({ region, ...fleet });
  } catch (err) {
    const { body, status } = metricsErrorBody(err, attempted);
    return NextResponse.json(body, { status });
  }
}
