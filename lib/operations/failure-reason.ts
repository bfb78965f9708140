// Why an App Runner operation failed. The API does not say (OperationSummary has no reason);
// App Runner writes it to the service's event log in CloudWatch Logs as
// "Deployment with ID : <id> failed. Failure reason : <reason>", and so does the local runtime.
import "server-only";
import { cloudWatchLogsClient } from "@/lib/aws/clients";
import { serviceOfArn } from "@/lib/audit/fold-audit-events";
import { readLogEvents } from "@/lib/logs/read-log-events";
import type { OperationRef } from "./operation-status";

const MAX_REASON = 300;

/** The reason in an event-log line about this operation, if the line gives one (pure). */
export function failureReasonOf(message: string, operationId: string): string | undefined {
  if (!message.includes(operationId)) return undefined;
  const m = /Failure reason\s*:\s*(.+)$/.exec(message.trim());
  const reason = m?.[1]?.trim();
  if (!reason) return undefined;
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}

/** The newest failure reason App Runner logged for the operation, or undefined (no line, no access). */
export async function operationFailureReason(op: OperationRef): Promise<string | undefined> {
  const service = serviceOfArn(op.serviceArn);
  if (!service) return undefined;
  try {
    const client = await cloudWatchLogsClient(op.connectionId, op.region);
    const lines = await readLogEvents(client, { serviceName: service.name, serviceId: service.id, sources: ["service"], search: `${op.operationId} failed`, limit: 50 });
    for (const line of [...lines].reverse()) {
      const reason = failureReasonOf(line.message, op.operationId);
      if (reason) return reason;
    }
  } catch {
    // A role without logs:FilterLogEvents, or the group already gone: the status alone is recorded.
  }
  return undefined;
}
