// Polled by the Metrics tab: every chart of the service for one time window, in one GetMetricData call.
import { NextResponse } from "next/server";
import { cloudWatchClient } from "@/lib/aws/clients";
import { isRangeKey } from "@/lib/metrics/metric-period";
import { metricsErrorBody } from "@/lib/metrics/metrics-error";
import { loadServiceMetrics } from "@/lib/metrics/service-metrics";
import { resolveServiceArn } from "@/lib/services/describe-service";
import { readerOrResponse } from "@/lib/services/route-guard";
import { servicesTarget } from "@/lib/services/services-client";

export const dynamic = "force-dynamic";

const MAX_CUSTOM_MS = 455 * 86_400_000; // CloudWatch keeps 15 months

export async function GET(req: Request, { params }: { params: Promise<{ region: string; id: string }> }) {
  const guard = await readerOrResponse();
  if (guard instanceof NextResponse) return guard;
  const { region, id } = await params;
  const q = new URL(req.url).searchParams;
  const range = q.get("range") ?? "1h";
  let custom: { start: number; end: number } | undefined;
  if (range === "custom") {
    const start = Number(q.get("start"));
    const end = Number(q.get("end"));
    if (!Number.isFinite(start) || !Number.isFinite(end) || start >= end) return NextResponse.json({ message: "A custom range needs a start before its end.", code: "InvalidRange" }, { status: 400 });
    if (end - start > MAX_CUSTOM_MS) return NextResponse.json({ message: "A custom range may span at most 455 days (CloudWatch keeps 15 months).", code: "InvalidRange" }, { status: 400 });
    custom = { start, end };
  } else if (!isRangeKey(range)) {
    return NextResponse.json({ message: `Unknown range ${range}.`, code: "InvalidRange" }, { status: 400 });
  }
  try {
    const { connection, client } = await servicesTarget(region);
    const arn = await resolveServiceArn(client, region, id);
    if (!arn) return NextResponse.json({ message: "No such service", code: "ResourceNotFoundException" }, { status: 404 });
    const name = arn.split("/")[1] ?? "";
    const cloudwatch = await cloudWatchClient(connection.id, region);
    const metrics = await loadServiceMetrics({ cloudwatch, apprunner: client, service: { arn, name, id }, range: range as Parameters<typeof loadServiceMetrics>[0]["range"], custom });
    return NextResponse.json(metrics);
  } catch (err) {
    const { body, status } = metricsErrorBody(err, "cloudwatch:GetMetricData");
    return NextResponse.json(body, { status });
  }
}
