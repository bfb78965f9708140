// Fleet cost: each service's projected month from real usage, and the total for the connection
// and region. Streams in its own Suspense boundary (one CloudWatch read per service).
import Link from "next/link";
import { getAwsContextOrNull } from "@/lib/aws/clients";
import { fleetCost, FLEET_DAYS } from "@/lib/costs/fleet-cost";
import { describeAwsError } from "@/lib/services/aws-error";
import { formatQuantity, formatUsd } from "@/lib/pricing/money";
import { statusLabel } from "@/lib/services/status-labels";

export async function FleetCostPanel() {
  const ctx = await getAwsContextOrNull();
  if (!ctx) return null;
  let fleet;
  try {
    fleet = await fleetCost(ctx.region);
  } catch (err) {
    return <p className="surface p-4 text-sm text-red-700 dark:text-red-300">Could not read fleet cost: {describeAwsError(err).message}</p>;
  }
  return (
    <section className="surface overflow-x-auto" aria-label="Fleet cost">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-3 pt-3">
        <h2 className="text-sm font-semibold">
          Fleet: projected month in {fleet.connection} · {fleet.region}
        </h2>
        <p className="text-sm">
          Total <span className="font-semibold tabular-nums" data-testid="fleet-total">{formatUsd(fleet.total)}</span> <span className="muted text-xs">from the last {FLEET_DAYS} days</span>
        </p>
      </div>
      <table className="data-table" aria-label="Projected month per service">
        <thead>
          <tr>
            <th>Service</th>
            <th>Status</th>
            <th className="text-right">Active instance-hours ({FLEET_DAYS} d)</th>
            <th className="text-right">Projected month</th>
          </tr>
        </thead>
        <tbody>
          {fleet.rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted text-center text-sm">
                No services in {fleet.region}.
              </td>
            </tr>
          ) : (
            fleet.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/costs/usage/${r.region}/${r.id}`} className="hover:underline">
                    {r.name}
                  </Link>
                </td>
                <td className="text-xs" title={r.status}>{statusLabel(r.status)}</td>
                <td className="text-right tabular-nums">{r.activeInstanceHours === null ? "—" : formatQuantity(r.activeInstanceHours)}</td>
                <td className="text-right tabular-nums">{r.projectedMonth === null ? <span className="text-xs text-red-700 dark:text-red-300">{r.error}</span> : formatUsd(r.projectedMonth)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
