// GetMetricData results -> rows for the charts: one row per timestamp, one field per series.

export interface SeriesPoints {
  id: string;
  /** ascending [epoch ms, value] */
  points: [number, number][];
}

export type MetricRow = { t: number } & Record<string, number | undefined>;

/** Merges many results of the same query id (NextToken pages, batches) into ascending points. */
export function mergeResults(results: Iterable<{ Id?: string; Timestamps?: Date[]; Values?: number[] }>): Map<string, [number, number][]> {
  const byId = new Map<string, Map<number, number>>();
  for (const r of results) {
    if (!r.Id) continue;
    const m = byId.get(r.Id) ?? new Map<number, number>();
    byId.set(r.Id, m);
    const ts = r.Timestamps ?? [];
    const vs = r.Values ?? [];
    for (let i = 0; i < ts.length && i < vs.length; i++) {
      const t = ts[i]?.getTime();
      const v = vs[i];
      if (t !== undefined && v !== undefined && Number.isFinite(t)) m.set(t, v);
    }
  }
  const out = new Map<string, [number, number][]>();
  for (const [id, m] of byId) out.set(id, [...m].sort((a, b) => a[0] - b[0]));
  return out;
}

/** Rows keyed by time across the given series; a series without a point at a time leaves its field out. */
export function toRows(series: ReadonlyMap<string, [number, number][]>, ids: readonly string[]): MetricRow[] {
  const rows = new Map<number, MetricRow>();
  for (const id of ids) {
    for (const [t, v] of series.get(id) ?? []) {
      let row = rows.get(t);
      if (!row) rows.set(t, (row = { t } as MetricRow));
      row[id] = v;
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}
