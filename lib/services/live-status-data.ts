// What the status route answers and every live part of a service page reads (badge, buttons,
// URL, operation log): one object per poll, so they cannot disagree. Pure, for client and server.
import type { OperationView } from "./service-view";

export interface OperationRef {
  id: string;
  type: string;
  status: string;
}

export interface LiveStatusData {
  status: string;
  /** The operation running now (only while the service is OPERATION_IN_PROGRESS). */
  operation?: OperationRef;
  /** The newest operation, running or finished: the log to show once it ends. */
  latest?: OperationRef;
}

const ref = (o: OperationView | undefined): OperationRef | undefined => (o ? { id: o.id, type: o.type, status: o.status } : undefined);

export function toLiveStatusData(status: string, ops: { current?: OperationView; latest?: OperationView }): LiveStatusData {
  const operation = status === "OPERATION_IN_PROGRESS" ? ref(ops.current ?? (ops.latest?.running ? ops.latest : undefined)) : undefined;
  const latest = ref(ops.latest);
  return { status, ...(operation ? { operation } : {}), ...(latest ? { latest } : {}) };
}

/**
 * How often to ask while an operation runs. The runtime finishes most operations in well under a
 * second and the console should show the end within half a second of it, so poll tightly at
 * first; a long build (or real App Runner, minutes per deployment) falls back to a slower pace so
 * an open tab does not spend the account's API rate on nothing.
 */
export function pollDelayMs(runningForMs: number): number {
  if (runningForMs < 60_000) return 250;
  if (runningForMs < 5 * 60_000) return 1_000;
  return 3_000;
}
