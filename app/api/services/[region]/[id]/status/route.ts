// Polled by the status badges, action buttons and operation log while an operation runs.
import { NextResponse } from "next/server";
import { appRunnerClient } from "@/lib/aws/clients";
import { defineRoute } from "@/lib/routes/define-route";
import { serviceRouteParams } from "@/lib/routes/service-route-params";
import { describeService } from "@/lib/services/describe-service";
import { statusOperations } from "@/lib/services/list-operations";
import { toLiveStatusData } from "@/lib/services/live-status-data";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "service.read_status", permission: "read", params: serviceRouteParams }, async ({ params, target }) => {
  const client = await appRunnerClient(target!.connection.id, target!.region);
  const service = await describeService(client, params.region, params.id);
  if (!service) return NextResponse.json({ status: "DELETED" }, { status: 404 });
  const status = service.Status ?? "OPERATION_IN_PROGRESS";
  const ops = service.ServiceArn ? await statusOperations(client, service.ServiceArn) : {};
  return NextResponse.json(toLiveStatusData(status, ops));
});
