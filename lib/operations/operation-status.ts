// Where an App Runner operation stands, read from ListOperations through the connection's
// SDK client. Used by the operation watcher; the same call works against AWS and the runtime.
import "server-only";
import { ListOperationsCommand } from "@aws-sdk/client-apprunner";
import { appRunnerClient } from "@/lib/aws/clients";
import { describeAwsError } from "@/lib/services/aws-error";
import { operationFailureReason } from "./failure-reason";

/** `reason`: for a failed operation, App Runner's failure reason from the service's event log, when it wrote one. */
export type OperationOutcome = { done: false } | { done: true; ok: boolean; status: string; reason?: string };

export interface OperationRef {
  action: string;
  serviceArn: string;
  operationId: string;
  connectionId: string;
  region: string;
}

/** Maps an OperationSummary status to an outcome (pure). */
export function outcomeOfStatus(status: string): OperationOutcome {
  if (status === "SUCCEEDED") return { done: true, ok: true, status };
  if (status === "FAILED" || (status.startsWith("ROLLBACK_") && status !== "ROLLBACK_IN_PROGRESS")) return { done: true, ok: false, status };
  return { done: false };
}

export async function checkOperation(op: OperationRef): Promise<OperationOutcome> {
  const client = await appRunnerClient(op.connectionId, op.region);
  try {
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListOperationsCommand({ ServiceArn: op.serviceArn, MaxResults: 20, NextToken: nextToken }));
      const found = page.OperationSummaryList?.find((o) => o.Id === op.operationId);
      if (found) {
        const outcome = outcomeOfStatus(found.Status ?? "");
        if (!outcome.done || outcome.ok) return outcome;
        const reason = await operationFailureReason(op);
        return reason ? { ...outcome, reason } : outcome;
      }
      nextToken = page.NextToken;
    } while (nextToken);
    return { done: false };
  } catch (err) {
    // A deleted service's operations disappear with it: that is the delete succeeding.
    if (op.action === "service.delete" && describeAwsError(err).code === "ResourceNotFoundException") return { done: true, ok: true, status: "SUCCEEDED" };
    throw err;
  }
}
