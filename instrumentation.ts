// Next.js calls register() once per server process: background work that runs while the console runs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return; // Next's own variable: the Edge runtime has no timers or database
  const { startCatalogSchedule } = await import("@/lib/catalog/catalog-schedule");
  startCatalogSchedule();
}
