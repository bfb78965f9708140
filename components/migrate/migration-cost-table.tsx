// App Runner today against Express Mode on Fargate x86 and ARM, per month, with what it assumes.
import type { MigrationCost } from "@/lib/migrate/migration-cost";
import { formatUsd } from "@/lib/pricing/money";

export const signedUsd = (n: number) => (n > 0 ? `+${formatUsd(n)}` : n < 0 ? `−${formatUsd(-n)}` : formatUsd(0));

export function MigrationCostTable({ cost, prices, days }: { cost: MigrationCost; prices?: { region: string; checkedAt: string; source: string }; days: number }) {
  const rows = [
    { id: "apprunner", label: "App Runner today", total: cost.appRunner.total, diff: null as number | null },
    { id: "x86", label: "ECS Express Mode, Fargate x86", total: cost.x86?.total ?? null, diff: cost.differenceX86 },
    { id: "arm", label: "ECS Express Mode, Fargate ARM (Graviton)", total: cost.arm?.total ?? null, diff: cost.differenceArm },
  ];
  return (
    <section className="surface space-y-2 p-4" aria-label="Monthly cost">
      <h3 className="text-sm font-semibold">Cost per month, from the last {days} days of real usage</h3>
      <table className="data-table" aria-label="Cost side by side">
        <thead>
          <tr>
            <th>Where</th>
            <th className="text-right">Per month</th>
            <th className="text-right">Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`cost-${r.id}`}>
              <td className="font-medium">{r.label}</td>
              <td className="text-right tabular-nums">{r.total === null ? "not priced" : formatUsd(r.total)}</td>
              <td className={`text-right tabular-nums ${r.diff !== null && r.diff < 0 ? "text-green-700 dark:text-green-400" : ""}`}>{r.id === "apprunner" ? "" : r.diff === null ? "—" : signedUsd(r.diff)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="muted list-disc space-y-0.5 pl-5 text-xs">
        {cost.assumptions.map((a) => (
          <li key={a}>{a}</li>
        ))}
        {prices ? (
          <li>
            Prices for {prices.region}, checked {prices.checkedAt} ({prices.source}).
          </li>
        ) : null}
      </ul>
    </section>
  );
}
