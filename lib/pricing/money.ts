// Money is summed in floating point but shown and compared rounded to cents; rounding each
// line first would make the total disagree with the sum of what the table shows.
export const roundCents = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

export function formatUsd(n: number, digits = 2): string {
  return n.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 2) });
}

/** A unit price with as many decimals as it needs ($0.004445), never rounded to cents. */
export function formatUnitPrice(n: number): string {
  return `$${n.toLocaleString("en-US", { maximumFractionDigits: 8 })}`;
}

export function formatQuantity(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 3 });
}
