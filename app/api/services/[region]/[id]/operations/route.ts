// Polled by the Activity tab while an operation runs.
import { NextResponse } from "next/server";
import { appRunnerClient } from "@/lib/aws/clients";
import { defineRoute } from "@/lib/routes/define-route";
import { serviceRouteParams } from "@/lib/routes/service-route-params";
import { resolveServiceArn } from "@/lib/services/describe-service";
import { listOperations } from "@/lib/services/list-operations";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "service.list_operations", permission: "read", params: serviceRouteParams }, async ({ params, target }) => {
  const client = await appRunnerClient(target!.connection.id, target!.region);
  const arn = await resolveServiceArn(client, params.region, params.id);
  if (!arn) return NextResponse.json({ message: "No such service" }, { status: 404 });
  return NextResponse.json({ operations: await listOperations(client, arn) });
});
