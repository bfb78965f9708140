export function TabSkeleton() {
  return (
    <div className="surface animate-pulse space-y-2 p-4" aria-busy="true" aria-label="Loading">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="h-5 rounded bg-black/5 dark:bg-white/10" />
      ))}
    </div>
  );
}
