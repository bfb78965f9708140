// The one-page fast path of metricDataPage must answer exactly what the merged scan answers: the
// same request paged one datapoint at a time, its pages joined, gives the same series in the same order.
import { describe, expect, it } from "vitest";
import { metricDataPage, type MetricDataResult, type QuerySeries, type ScanBy } from "./metric-data-pages.js";

// Three queries with shuffled, partly shared timestamps (as several metrics of one service are).
const series: QuerySeries[] = [0, 1, 2].map((q) => {
  const points: [number, number][] = [];
  for (let i = 0; i < 40; i++) if ((i * 7 + q * 3) % 5 !== 0) points.push([1_700_000_000_000 + ((i * 13) % 40) * 60_000, i * 10 + q]);
  return { id: `q${q}`, label: `Q${q}`, points };
});
const request = { any: "request" };

function joinedPages(scanBy: ScanBy): MetricDataResult[] {
  const joined = series.map((s) => ({ Id: s.id, Label: s.label, Timestamps: [] as Date[], Values: [] as number[], StatusCode: "Complete" as const }));
  let nextToken: string | undefined;
  do {
    const page = metricDataPage(series, { scanBy, maxDatapoints: 1, nextToken, request });
    page.MetricDataResults.forEach((r, i) => {
      joined[i]!.Timestamps.push(...r.Timestamps);
      joined[i]!.Values.push(...r.Values);
    });
    nextToken = page.NextToken;
  } while (nextToken);
  return joined;
}

describe("metricDataPage in one page", () => {
  for (const scanBy of ["TimestampAscending", "TimestampDescending"] as const) {
    it(`${scanBy}: the same series as the paged scan`, () => {
      const one = metricDataPage(series, { scanBy, maxDatapoints: 100_800, nextToken: undefined, request });
      expect(one.NextToken).toBeUndefined();
      expect(one.MetricDataResults).toEqual(joinedPages(scanBy));
      const ts = one.MetricDataResults[0]!.Timestamps.map((d) => d.getTime());
      expect(ts).toEqual([...ts].sort((a, b) => (scanBy === "TimestampAscending" ? a - b : b - a)));
    });
  }
});
