// Polled by an open service page that has a schedule: when the schedule row changes (the
// scheduler paused, resumed, failed or is retrying), the page re-renders its server parts.
import { NextResponse } from "next/server";
import { appRunnerClient } from "@/lib/aws/clients";
import { defineRoute } from "@/lib/routes/define-route";
import { serviceRouteParams } from "@/lib/routes/service-route-params";
import { scheduleStamp } from "@/lib/schedules/schedule-view";
import { resolveServiceArn } from "@/lib/services/describe-service";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "service.read_schedule", permission: "read", params: serviceRouteParams }, async ({ params, target }) => {
  const client = await appRunnerClient(target!.connection.id, target!.region);
  const arn = await resolveServiceArn(client, params.region, params.id);
  const stamp = arn ? await scheduleStamp(arn) : null;
  return NextResponse.json({ stamp }, { headers: { "cache-control": "no-store" } });
});
