// The entry point for actions: remember an accepted operation in the database and make
// sure this process is watching. The row outlives the process; any console resumes it.
import "server-only";
import { db } from "@/lib/db";
import { recordVersionAfterOperation } from "@/lib/history/record-change";
import { OperationWatcher } from "./operation-watcher";
import { insertTrackedOperation, type TrackOperationInput } from "./tracked-operation";

const globalForWatcher = globalThis as unknown as { runwayOperationWatcher?: OperationWatcher };

/** This process's watcher, started on first use (and at server start, see instrumentation.ts). */
export function startOperationWatcher(): OperationWatcher {
  const watcher = (globalForWatcher.runwayOperationWatcher ??= new OperationWatcher({ onSucceeded: recordVersionAfterOperation }));
  watcher.start();
  return watcher;
}

export async function trackOperation(input: TrackOperationInput): Promise<void> {
  const watcher = startOperationWatcher();
  await insertTrackedOperation(db, input, new Date(Date.now() + watcher.pollMs));
}
