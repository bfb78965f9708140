// Polled by the status badges while an operation runs.
import { NextResponse } from "next/server";
import { appRunnerClient } from "@/lib/aws/clients";
import { defineRoute } from "@/lib/routes/define-route";
import { serviceRouteParams } from "@/lib/routes/service-route-params";
import { describeService } from "@/lib/services/describe-service";
import { currentOperation } from "@/lib/services/list-operations";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "service.read_status", permission: "read", params: serviceRouteParams }, async ({ params, target }) => {
  const client = await appRunnerClient(target!.connection.id, target!.region);
  const service = await describeService(client, params.region, params.id);
  if (!service) return NextResponse.json({ status: "DELETED" }, { status: 404 });
  const status = service.Status ?? "OPERATION_IN_PROGRESS";
  const operation = status === "OPERATION_IN_PROGRESS" && service.ServiceArn ? await currentOperation(client, service.ServiceArn) : undefined;
  return NextResponse.json({ status, ...(operation ? { operation: { id: operation.id, type: operation.type, status: operation.status } } : {}) });
});
