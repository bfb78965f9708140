// GetMetricData takes at most 500 queries per call: split larger sets into as few calls as that allows.
export const MAX_QUERIES_PER_CALL = 500;

export function batches<T>(items: readonly T[], size: number = MAX_QUERIES_PER_CALL): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error("batch size must be a positive integer");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
