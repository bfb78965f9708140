// Polled by the Activity tab while an operation runs.
import { NextResponse } from "next/server";
import { resolveServiceArn } from "@/lib/services/describe-service";
import { listOperations } from "@/lib/services/list-operations";
import { awsErrorResponse, readerOrResponse } from "@/lib/services/route-guard";
import { servicesTarget } from "@/lib/services/services-client";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ region: string; id: string }> }) {
  const guard = await readerOrResponse();
  if (guard instanceof NextResponse) return guard;
  const { region, id } = await params;
  try {
    const { client } = await servicesTarget(region);
    const arn = await resolveServiceArn(client, region, id);
    if (!arn) return NextResponse.json({ message: "No such service" }, { status: 404 });
    return NextResponse.json({ operations: await listOperations(client, arn) });
  } catch (err) {
    return awsErrorResponse(err);
  }
}
