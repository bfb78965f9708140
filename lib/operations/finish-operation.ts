// Records an operation's final result exactly once. The state change (pending -> final) is
// a conditional write and the audit event is written in the same transaction, only by the
// caller whose write changed the row: two processes that both saw the end (a lease that
// expired while one was slow) cannot both audit it. The transaction starts with the write,
// so on SQLite it takes the write lock first and never deadlocks upgrading a read lock.
import "server-only";
import type { Db } from "@/lib/db";
import { auditEventData } from "@/lib/audit/record-audit-event";
import type { OperationOutcome } from "./operation-status";
import { actorOf, type TrackedOperationRow } from "./tracked-operation";

export async function finishOperation(db: Db, row: TrackedOperationRow, outcome: Extract<OperationOutcome, { done: true }>, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const changed = await tx.trackedOperation.updateMany({
      where: { id: row.id, state: "pending" },
      data: { state: outcome.ok ? "succeeded" : "failed", finalStatus: outcome.status, finishedAt: now },
    });
    if (changed.count !== 1) return false;
    const request = parseRequest(row.request);
    await tx.auditEvent.create({
      data: await auditEventData(tx, actorOf(row), {
        action: row.action,
        target: row.serviceArn,
        connectionId: row.connectionId,
        region: row.region,
        result: outcome.ok ? "succeeded" : "failed",
        error: outcome.ok ? null : `operation ${row.operationId} ended ${outcome.status}${outcome.reason ? `: ${outcome.reason}` : ""}`,
        request: { ...request, operationId: row.operationId },
      }),
    });
    return true;
  });
}

function parseRequest(json: string | null): Record<string, unknown> {
  try {
    const value: unknown = json ? JSON.parse(json) : {};
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { request: value };
  } catch {
    return { request: json }; // summarize() cut it short: keep the text as it is
  }
}
