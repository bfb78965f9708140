import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <span className="inline-block h-6 w-6 rounded bg-[var(--accent)]" aria-hidden="true" />
          Runway
        </div>
        <div className="surface p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
