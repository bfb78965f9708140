// The fleet's readiness to move and the total monthly difference. Streams in its own Suspense
// boundary: each row is a full plan (several App Runner and CloudWatch reads).
import Link from "next/link";
import { fleetReadiness } from "@/lib/migrate/fleet-readiness";
import { describeAwsError } from "@/lib/services/aws-error";
import { formatUsd } from "@/lib/pricing/money";
import { signedUsd } from "./migration-cost-table";
import { ReadinessBadge } from "./readiness-badge";

export async function FleetReadinessTable({ region }: { region: string }) {
  let fleet;
  try {
    fleet = await fleetReadiness(region);
  } catch (err) {
    return <p role="alert" className="surface p-4 text-sm text-red-700 dark:text-red-300">Could not read the services: {describeAwsError(err).message}</p>;
  }
  const { totals } = fleet;
  const count = (r: string) => fleet.rows.filter((x) => x.readiness === r).length;
  return (
    <section className="space-y-3" aria-label="Fleet readiness">
      <div className="grid gap-3 sm:grid-cols-4">
        <Stat label="Ready" value={String(count("ready"))} />
        <Stat label="Need an image" value={String(count("needs-image"))} />
        <Stat label="Need decisions" value={String(count("needs-decisions"))} />
        <Stat label="Monthly difference (Fargate x86)" value={signedUsd(totals.difference)} testId="fleet-difference" />
      </div>
      <div className="surface overflow-x-auto">
        <h2 className="px-3 pt-3 text-sm font-semibold">
          {fleet.connection} · {fleet.region}
        </h2>
        <table className="data-table" aria-label="Services and their readiness to move">
          <thead>
            <tr>
              <th>Service</th>
              <th>Status</th>
              <th>Readiness</th>
              <th className="text-right">App Runner / month</th>
              <th className="text-right">Express (x86) / month</th>
              <th className="text-right">Difference</th>
            </tr>
          </thead>
          <tbody>
            {fleet.rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted py-4 text-center text-sm">
                  No services in this region.
                </td>
              </tr>
            ) : (
              fleet.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/services/${r.region}/${r.id}?tab=migrate`} className="font-medium text-[var(--accent)] hover:underline">
                      {r.name}
                    </Link>
                  </td>
                  <td className="text-xs">{r.status}</td>
                  <td>{r.readiness ? <ReadinessBadge readiness={r.readiness} /> : <span className="text-xs text-red-700 dark:text-red-400">Could not read: {r.error}</span>}</td>
                  <td className="text-right tabular-nums">{r.appRunner === null ? "—" : formatUsd(r.appRunner)}</td>
                  <td className="text-right tabular-nums">{r.expressX86 === null ? "—" : formatUsd(r.expressX86)}</td>
                  <td className="text-right tabular-nums">{r.difference === null ? "—" : signedUsd(r.difference)}</td>
                </tr>
              ))
            )}
          </tbody>
          {fleet.rows.length ? (
            <tfoot>
              <tr className="font-semibold">
                <td colSpan={3}>Total{totals.unpriced ? ` (${totals.unpriced} not priced)` : ""}</td>
                <td className="text-right tabular-nums">{formatUsd(totals.appRunner)}</td>
                <td className="text-right tabular-nums">{formatUsd(totals.expressX86)}</td>
                <td className="text-right tabular-nums">{signedUsd(totals.difference)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="surface p-3">
      <p className="muted text-xs">{label}</p>
      <p className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
