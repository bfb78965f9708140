// What a chart draws when a range holds more points than it has pixels (a week at 5 minutes is
// 2,016 rows for a chart about 600 px wide): per bucket of consecutive rows, the rows that hold
// each line's minimum and maximum, so every spike and dip stays visible and every drawn point
// is a real data point at its real time. A row where a line has no value is kept too, so gaps
// stay gaps. The table view and the CSV always get every row. No I/O.
import type { MetricRow } from "./metric-series";

/** About 2.5 px per bucket on a chart of a half-width card at 1,400 px. */
export const DRAW_BUCKETS = 250;

export function decimateRows(rows: readonly MetricRow[], ids: readonly string[], buckets = DRAW_BUCKETS): MetricRow[] {
  if (buckets < 1 || rows.length <= buckets * 2) return rows as MetricRow[];
  const size = rows.length / buckets;
  const keep = new Set<number>([0, rows.length - 1]);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(rows.length, Math.floor((b + 1) * size));
    for (const id of ids) {
      let min = -1;
      let max = -1;
      let gap = -1;
      for (let i = from; i < to; i++) {
        const v = rows[i]![id];
        if (v === undefined) {
          if (gap < 0) gap = i;
          continue;
        }
        if (min < 0 || v < rows[min]![id]!) min = i;
        if (max < 0 || v > rows[max]![id]!) max = i;
      }
      if (min >= 0) keep.add(min);
      if (max >= 0) keep.add(max);
      if (gap >= 0) keep.add(gap);
    }
  }
  return [...keep].sort((a, b) => a - b).map((i) => rows[i]!);
}
