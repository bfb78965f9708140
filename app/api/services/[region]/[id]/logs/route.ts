// Logs tab: a time range, search, and follow mode (the browser polls with `since`).
import { NextResponse } from "next/server";
import { z } from "zod";
import { appRunnerClient, cloudWatchLogsClient } from "@/lib/aws/clients";
import { readLogEvents } from "@/lib/logs/read-log-events";
import { defineRoute } from "@/lib/routes/define-route";
import { serviceRouteParams } from "@/lib/routes/service-route-params";
import { resolveServiceArn } from "@/lib/services/describe-service";

export const dynamic = "force-dynamic";

const millis = z.string().regex(/^\d{1,15}$/, "Milliseconds since the epoch").transform(Number).optional();
const logsQuery = z.object({
  source: z.enum(["service", "application"]).optional(),
  since: millis,
  start: millis,
  end: millis,
  q: z.string().max(1024).optional(),
  stream: z.string().max(512).optional(),
  limit: z.string().regex(/^\d{1,6}$/).transform(Number).optional(),
});

export const GET = defineRoute({ name: "service.read_logs", permission: "read", params: serviceRouteParams, query: logsQuery }, async ({ params, query, target }) => {
  const { connection, region } = target!;
  const arn = await resolveServiceArn(await appRunnerClient(connection.id, region), region, params.id);
  if (!arn) return NextResponse.json({ message: "No such service" }, { status: 404 });
  const lines = await readLogEvents(await cloudWatchLogsClient(connection.id, region), {
    serviceName: arn.split("/")[1] ?? "",
    serviceId: params.id,
    sources: query.source ? [query.source] : ["service", "application"],
    startTime: query.since ?? query.start,
    endTime: query.end,
    search: query.q,
    streamPrefix: query.stream,
    limit: Math.min(query.limit ?? 500, 2000),
  });
  return NextResponse.json({ lines });
});
