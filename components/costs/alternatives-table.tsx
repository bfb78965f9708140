// The same workload priced on each alternative, side by side, cheapest marked.
import { Badge } from "@/components/ui/badge";
import type { Alternative } from "@/lib/pricing/scenario";
import { formatUsd } from "@/lib/pricing/money";

export function AlternativesTable({ alternatives }: { alternatives: Alternative[] }) {
  const priced = alternatives.filter((a) => a.cost);
  const cheapest = Math.min(...priced.map((a) => a.cost!.total));
  const base = alternatives[0]?.cost?.total ?? 0;
  return (
    <table className="data-table" aria-label="Same workload elsewhere">
      <thead>
        <tr>
          <th>Where</th>
          <th className="text-right">Per month</th>
          <th className="text-right">vs App Runner</th>
          <th>Assumes</th>
        </tr>
      </thead>
      <tbody>
        {alternatives.map((a) => (
          <tr key={a.id} data-testid={`alt-${a.id}`}>
            <td className="font-medium">
              {a.label} {a.cost && a.cost.total === cheapest && priced.length > 1 ? <Badge tone="green">cheapest</Badge> : null}
            </td>
            <td className="text-right tabular-nums">{a.cost ? formatUsd(a.cost.total) : "—"}</td>
            <td className="text-right tabular-nums">{a.cost && a.id !== "apprunner" ? signed(a.cost.total - base) : ""}</td>
            <td className="muted text-xs">{a.unavailable ?? a.assumption}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const signed = (n: number) => (n > 0 ? `+${formatUsd(n)}` : n < 0 ? `−${formatUsd(-n)}` : formatUsd(0));
