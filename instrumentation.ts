// Runs once when a console server process starts (Next.js instrumentation hook): resume
// watching the operations that were still pending, whoever started them.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startOperationWatcher } = await import("@/lib/operations/track-operation");
  startOperationWatcher();
}
