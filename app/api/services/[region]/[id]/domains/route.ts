// Polled by the Custom domains tab while App Runner works on a domain (certificate, binding).
import { NextResponse } from "next/server";
import { appRunnerClient } from "@/lib/aws/clients";
import { defineRoute } from "@/lib/routes/define-route";
import { serviceRouteParams } from "@/lib/routes/service-route-params";
import { listCustomDomains } from "@/lib/services/custom-domains";
import { resolveServiceArn } from "@/lib/services/describe-service";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "service.list_custom_domains", permission: "read", params: serviceRouteParams }, async ({ params, target }) => {
  const client = await appRunnerClient(target!.connection.id, target!.region);
  const arn = await resolveServiceArn(client, params.region, params.id);
  if (!arn) return NextResponse.json({ message: "No such service" }, { status: 404 });
  return NextResponse.json(await listCustomDomains(client, arn));
});
