// Whether a service's URL answers with the app, so the console links it only when it does.
// Kept free of zod and the SDK: client components import it.

export interface ServiceUrlState {
  serving: boolean;
  /** Short, lower-case reason shown beside an unlinked URL. */
  note?: string;
}

// App Runner keeps the current version serving while these run; the others start from, or
// end in, a service that does not serve.
const servingOperations = new Set(["START_DEPLOYMENT", "UPDATE_SERVICE"]);

const operationNotes: Record<string, string> = {
  CREATE_SERVICE: "creating: not serving yet",
  RESUME_SERVICE: "resuming: not serving yet",
  PAUSE_SERVICE: "pausing: not serving",
  DELETE_SERVICE: "deleting: not serving",
};

const statusNotes: Record<string, string> = {
  PAUSED: "paused: not serving",
  CREATE_FAILED: "creation failed: not serving",
  DELETE_FAILED: "delete failed: not serving",
  DELETED: "deleted: not serving",
};

export function serviceUrlState(status: string, operationType?: string): ServiceUrlState {
  if (status === "RUNNING") return { serving: true };
  if (status === "OPERATION_IN_PROGRESS") {
    if (operationType && servingOperations.has(operationType)) return { serving: true };
    return { serving: false, note: (operationType && operationNotes[operationType]) ?? "operation in progress: may not serve" };
  }
  return { serving: false, note: statusNotes[status] ?? "not serving" };
}
