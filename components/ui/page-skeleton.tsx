/**
 * Shown inside the shell while a console page streams in (each section's loading.tsx). Not on
 * the dashboard: its table renders in the first HTML, not after a placeholder.
 */
export function PageSkeleton() {
  return (
    <div className="animate-pulse space-y-4" aria-busy="true" aria-label="Loading">
      <div className="h-7 w-48 rounded bg-black/10 dark:bg-white/10" />
      <div className="h-4 w-96 max-w-full rounded bg-black/5 dark:bg-white/5" />
      <div className="surface h-64" />
    </div>
  );
}
