// A service's saved plans, newest first, each with its bundle.
import Link from "next/link";
import { Time } from "@/components/ui/time";
import type { SavedPlan } from "@/lib/migrate/saved-plans";
import { ReadinessBadge } from "./readiness-badge";
import { signedUsd } from "./migration-cost-table";

export function SavedPlansList({ plans }: { plans: SavedPlan[] }) {
  return (
    <section className="surface overflow-x-auto" aria-label="Saved plans">
      <h3 className="px-3 pt-3 text-sm font-semibold">Saved plans</h3>
      <table className="data-table" aria-label="Saved migration plans">
        <thead>
          <tr>
            <th>Date</th>
            <th>Readiness</th>
            <th className="text-right">Monthly difference (x86)</th>
            <th>By</th>
            <th>
              <span className="sr-only">Links</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted py-4 text-center text-sm">
                No saved plan yet.
              </td>
            </tr>
          ) : (
            plans.map((p) => (
              <tr key={p.id}>
                <td className="tabular-nums">
                  <Link href={`/migrate/plans/${p.id}`} className="text-[var(--accent)] hover:underline">
                    <Time value={p.createdAt.toISOString()} />
                  </Link>
                </td>
                <td>
                  <ReadinessBadge readiness={p.readiness} />
                </td>
                <td className="text-right tabular-nums">{p.monthlyDifference === null ? "—" : signedUsd(p.monthlyDifference)}</td>
                <td className="muted text-xs">{p.author ?? ""}</td>
                <td>
                  <a href={`/migrate/plans/${p.id}/bundle`} className="text-[var(--accent)] hover:underline" download>
                    Download bundle
                  </a>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
