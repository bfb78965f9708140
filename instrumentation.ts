// Runs once when a console server process starts (Next.js instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The client address must come from the socket; see lib/net/peer-stamp.ts for why this hook.
  const { installPeerStamp } = await import("@/lib/net/peer-stamp");
  installPeerStamp();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Resume watching the operations that were still pending, whoever started them.
  const { startOperationWatcher } = await import("@/lib/operations/track-operation");
  startOperationWatcher();
  // Keep the catalog in step with AWS while the console runs.
  const { startCatalogSchedule } = await import("@/lib/catalog/catalog-schedule");
  startCatalogSchedule();
  // Pause and resume services on their schedules (lib/schedules/); due rows are claimed in the database.
  const { startScheduler } = await import("@/lib/schedules/scheduler");
  startScheduler();
}
