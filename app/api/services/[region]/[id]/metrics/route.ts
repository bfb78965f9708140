// Polled by the Metrics tab: every chart of the service for one time window, in one GetMetricData call.
import { NextResponse } from "next/server";
import { z } from "zod";
import { appRunnerClient, cloudWatchClient } from "@/lib/aws/clients";
import { isRangeKey } from "@/lib/metrics/metric-period";
import { metricsErrorBody } from "@/lib/metrics/metrics-error";
import { loadServiceMetrics } from "@/lib/metrics/service-metrics";
import { defineRoute } from "@/lib/routes/define-route";
import { ServerTiming } from "@/lib/routes/server-timing";
import { serviceRouteParams } from "@/lib/routes/service-route-params";
import { resolveServiceArn } from "@/lib/services/describe-service";

export const dynamic = "force-dynamic";

const MAX_CUSTOM_MS = 455 * 86_400_000; // CloudWatch keeps 15 months

const query = z.object({
  range: z.string().default("1h"),
  start: z.coerce.number().optional(),
  end: z.coerce.number().optional(),
});

export const GET = defineRoute({ name: "service.read_metrics", permission: "read", params: serviceRouteParams, query }, async ({ params, query: q, target }) => {
  const { region, id } = params;
  let custom: { start: number; end: number } | undefined;
  if (q.range === "custom") {
    const { start, end } = q;
    if (start === undefined || end === undefined || !Number.isFinite(start) || !Number.isFinite(end) || start >= end) return NextResponse.json({ message: "A custom range needs a start before its end.", code: "InvalidRange" }, { status: 400 });
    if (end - start > MAX_CUSTOM_MS) return NextResponse.json({ message: "A custom range may span at most 455 days (CloudWatch keeps 15 months).", code: "InvalidRange" }, { status: 400 });
    custom = { start, end };
  } else if (!isRangeKey(q.range)) {
    return NextResponse.json({ message: `Unknown range ${q.range}.`, code: "InvalidRange" }, { status: 400 });
  }
  const timing = new ServerTiming();
  try {
    const connectionId = target!.connection.id;
    const client = await appRunnerClient(connectionId, region);
    const arn = await timing.time("resolve", resolveServiceArn(client, region, id));
    if (!arn) return NextResponse.json({ message: "No such service", code: "ResourceNotFoundException" }, { status: 404 });
    const name = arn.split("/")[1] ?? "";
    const cloudwatch = await cloudWatchClient(connectionId, region);
    const metrics = await loadServiceMetrics({ cloudwatch, apprunner: client, service: { arn, name, id }, range: q.range as Parameters<typeof loadServiceMetrics>[0]["range"], custom, timing });
    const body = JSON.stringify(metrics);
    return new NextResponse(body, { headers: { "content-type": "application/json", "server-timing": timing.header() } });
  } catch (err) {
    const { body, status } = metricsErrorBody(err, "cloudwatch:GetMetricData");
    return NextResponse.json(body, { status });
  }
});
