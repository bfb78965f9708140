// Polled by the status badges while an operation runs.
import { NextResponse } from "next/server";
import { describeService } from "@/lib/services/describe-service";
import { currentOperation } from "@/lib/services/list-operations";
import { awsErrorResponse, readerOrResponse } from "@/lib/services/route-guard";
import { servicesTarget } from "@/lib/services/services-client";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ region: string; id: string }> }) {
  const guard = await readerOrResponse();
  if (guard instanceof NextResponse) return guard;
  const { region, id } = await params;
  try {
    const { client } = await servicesTarget(region);
    const service = await describeService(client, region, id);
    if (!service) return NextResponse.json({ status: "DELETED" }, { status: 404 });
    const status = service.Status ?? "OPERATION_IN_PROGRESS";
    const operation = status === "OPERATION_IN_PROGRESS" && service.ServiceArn ? await currentOperation(client, service.ServiceArn) : undefined;
    return NextResponse.json({ status, ...(operation ? { operation: { id: operation.id, type: operation.type, status: operation.status } } : {}) });
  } catch (err) {
    return awsErrorResponse(err);
  }
}
