// Logs tab: a time range, search, and follow mode (the browser polls with `since`).
import { NextResponse, type NextRequest } from "next/server";
import { readLogEvents } from "@/lib/logs/read-log-events";
import type { LogSource } from "@/lib/logs/service-log-groups";
import { resolveServiceArn } from "@/lib/services/describe-service";
import { awsErrorResponse, readerOrResponse } from "@/lib/services/route-guard";
import { logsClientFor, servicesTarget } from "@/lib/services/services-client";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, { params }: { params: Promise<{ region: string; id: string }> }) {
  const guard = await readerOrResponse();
  if (guard instanceof NextResponse) return guard;
  const { region, id } = await params;
  const q = req.nextUrl.searchParams;
  const sourceParam = q.get("source");
  const sources: LogSource[] = sourceParam === "service" || sourceParam === "application" ? [sourceParam] : ["service", "application"];
  const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  try {
    const { client: ar } = await servicesTarget(region);
    const arn = await resolveServiceArn(ar, region, id);
    if (!arn) return NextResponse.json({ message: "No such service" }, { status: 404 });
    const name = arn.split("/")[1] ?? "";
    const { client } = await logsClientFor(region);
    const lines = await readLogEvents(client, {
      serviceName: name,
      serviceId: id,
      sources,
      startTime: num(q.get("since")) ?? num(q.get("start")),
      endTime: num(q.get("end")),
      search: q.get("q") ?? undefined,
      streamPrefix: q.get("stream") ?? undefined,
      limit: Math.min(num(q.get("limit")) ?? 500, 2000),
    });
    return NextResponse.json({ lines });
  } catch (err) {
    return awsErrorResponse(err);
  }
}
