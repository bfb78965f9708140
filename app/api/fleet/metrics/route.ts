// The dashboard's fleet figures for the selected connection and region, fetched by the browser
// after the services table has rendered, so they never slow it.
import { NextResponse } from "next/server";
import { z } from "zod";
import { appRunnerClient, cloudWatchClient, getAwsContext } from "@/lib/aws/clients";
import { loadFleetMetrics } from "@/lib/metrics/fleet-metrics";
import { metricsErrorBody } from "@/lib/metrics/metrics-error";
import { defineRoute } from "@/lib/routes/define-route";
import { listServicesInRegion } from "@/lib/services/list-services";

export const dynamic = "force-dynamic";

const query = z.object({ region: z.string().optional() });

export const GET = defineRoute({ name: "fleet.read_metrics", permission: "read", query }, async ({ query: q }) => {
  let attempted = "apprunner:ListServices";
  try {
    const ctx = await getAwsContext();
    // Only a region of the selected connection: the browser cannot point us anywhere else.
    const region = q.region && ctx.connection.regions.includes(q.region) ? q.region : ctx.region;
    const rows = await listServicesInRegion(await appRunnerClient(ctx.connection.id, region), region);
    attempted = "cloudwatch:GetMetricData";
    const live = rows.filter((r) => r.status !== "DELETED");
    const fleet = await loadFleetMetrics(await cloudWatchClient(ctx.connection.id, region), live.map((r) => ({ id: r.id, name: r.name, region })));
    return NextResponse.json({ region, ...fleet });
  } catch (err) {
    const { body, status } = metricsErrorBody(err, attempted);
    return NextResponse.json(body, { status });
  }
});
