// A cost breakdown as a table: every line shows quantity × unit price = amount, so each figure
// can be checked by hand.
import type { CostBreakdown } from "@/lib/pricing/cost-breakdown";
import { formatQuantity, formatUnitPrice, formatUsd } from "@/lib/pricing/money";

export function BreakdownTable({ breakdown, caption, hideZero = false }: { breakdown: CostBreakdown; caption: string; hideZero?: boolean }) {
  const lines = hideZero ? breakdown.lines.filter((l) => l.amount !== 0 || l.quantity !== 0) : breakdown.lines;
  return (
    <table className="data-table" aria-label={caption}>
      <thead>
        <tr>
          <th>Item</th>
          <th className="text-right">Quantity</th>
          <th className="text-right">Unit price</th>
          <th className="text-right">Amount</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={`${l.category}-${i}`}>
            <td>{l.label}</td>
            <td className="text-right tabular-nums">
              {formatQuantity(l.quantity)} <span className="muted text-xs">{l.unit}</span>
            </td>
            <td className="text-right tabular-nums">{formatUnitPrice(l.unitPrice)}</td>
            <td className="text-right tabular-nums">{formatUsd(l.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={3} className="text-right">
            Total
          </th>
          <th className="text-right tabular-nums" data-testid="breakdown-total">
            {formatUsd(breakdown.total)}
          </th>
        </tr>
      </tfoot>
    </table>
  );
}
