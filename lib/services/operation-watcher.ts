// Records an operation's final audit result when App Runner finishes it. The "requested"
// event is written by the action; this server-side watcher polls ListOperations until the
// entry ends, so the outcome is audited even when nobody keeps the service page open.
import { ListOperationsCommand } from "@aws-sdk/client-apprunner";
import { appRunnerClient } from "@/lib/aws/clients";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { describeAwsError } from "./aws-error";

export interface WatchedOperation {
  action: string;
  serviceArn: string;
  operationId: string;
  connectionId: string;
  region: string;
  actor: AuditActor;
  request?: unknown;
}

const POLL_MS = 2_000;
const GIVE_UP_MS = 45 * 60_000;
const globalForWatch = globalThis as unknown as { runwayWatchedOps?: Set<string> };
const watching = (globalForWatch.runwayWatchedOps ??= new Set<string>());

type Outcome = { done: false } | { done: true; ok: boolean; status: string };

async function check(op: WatchedOperation): Promise<Outcome> {
  const client = await appRunnerClient(op.connectionId, op.region);
  try {
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListOperationsCommand({ ServiceArn: op.serviceArn, MaxResults: 20, NextToken: nextToken }));
      const found = page.OperationSummaryList?.find((o) => o.Id === op.operationId);
      if (found) {
        const status = found.Status ?? "";
        if (status === "SUCCEEDED") return { done: true, ok: true, status };
        if (status === "FAILED" || status.startsWith("ROLLBACK_") && status !== "ROLLBACK_IN_PROGRESS") return { done: true, ok: false, status };
        return { done: false };
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

export function watchOperation(op: WatchedOperation): void {
  if (watching.has(op.operationId)) return;
  watching.add(op.operationId);
  const started = Date.now();
  const tick = async () => {
    let outcome: Outcome = { done: false };
    try {
      outcome = await check(op);
    } catch {
      // Transient errors (throttling, endpoint restarts): try again on the next tick.
    }
    if (outcome.done) {
      watching.delete(op.operationId);
      await recordAuditEvent(op.actor, {
        action: op.action,
        target: op.serviceArn,
        connectionId: op.connectionId,
        region: op.region,
        result: outcome.ok ? "succeeded" : "failed",
        error: outcome.ok ? null : `operation ${op.operationId} ended ${outcome.status}`,
        request: { ...(op.request as object), operationId: op.operationId },
      });
      return;
    }
    if (Date.now() - started > GIVE_UP_MS) {
      watching.delete(op.operationId);
      return;
    }
    setTimeout(tick, POLL_MS).unref?.();
  };
  setTimeout(tick, POLL_MS).unref?.();
}
