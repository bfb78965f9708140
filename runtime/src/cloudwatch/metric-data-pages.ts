import { createHash } from "node:crypto";
import { CloudWatchError } from "./cloudwatch-error.js";

export type ScanBy = "TimestampDescending" | "TimestampAscending";

/** One query's datapoints, already in ScanBy order. */
export interface QuerySeries {
  id: string;
  label: string;
  points: [timestamp: number, value: number][];
}

export interface MetricDataResult {
  Id: string;
  Label: string;
  Timestamps: Date[];
  Values: number[];
  StatusCode: "Complete" | "PartialData";
}

/** Where the previous page stopped: the last datapoint returned (its time and its query's position). */
interface Cursor {
  t: number;
  q: number;
}

const invalidToken = () => new CloudWatchError("InvalidNextToken", "InvalidNextToken", "The NextToken is invalid: pass the NextToken of the previous response to the same request.");

/**
 * One page of GetMetricData, as CloudWatch pages it: the datapoints of all queries are scanned together in
 * ScanBy order (newest first by default), MaxDatapoints of them per page, and NextToken continues after the
 * last one returned. Every query is in every page, marked PartialData while it has datapoints still to come.
 *
 * The token is a position (timestamp, query), not an offset, so datapoints arriving between pages neither
 * repeat nor shift the rest; it also carries a hash of the request so a token cannot be used on another query.
 */
export function metricDataPage(
  series: QuerySeries[],
  opts: { scanBy: ScanBy; maxDatapoints: number; nextToken: string | undefined; request: unknown },
): { MetricDataResults: MetricDataResult[]; NextToken?: string } {
  const hash = createHash("sha256").update(JSON.stringify(opts.request)).digest("base64url").slice(0, 16);
  const cursor = opts.nextToken === undefined ? undefined : decode(opts.nextToken, hash);
  const descending = opts.scanBy === "TimestampDescending";
  const order = (a: [number, number], b: [number, number]) => (descending ? b[0] - a[0] : a[0] - b[0]);

  // The common case, a first request that fits one page: each query's points in ScanBy order is the
  // same result the merged scan below gives, without sorting every datapoint of every query together.
  if (!cursor && series.reduce((n, s) => n + s.points.length, 0) <= opts.maxDatapoints) {
    return {
      MetricDataResults: series.map((s) => {
        const points = [...s.points].sort(order);
        return { Id: s.id, Label: s.label, Timestamps: points.map((p) => new Date(p[0])), Values: points.map((p) => p[1]), StatusCode: "Complete" };
      }),
    };
  }

  const after = (t: number, q: number) => !cursor || (descending ? t < cursor.t : t > cursor.t) || (t === cursor.t && q > cursor.q);

  const remaining: { t: number; q: number; v: number }[] = [];
  series.forEach((s, q) => {
    for (const [t, v] of s.points) if (after(t, q)) remaining.push({ t, q, v });
  });
  remaining.sort((a, b) => (a.t === b.t ? a.q - b.q : descending ? b.t - a.t : a.t - b.t));

  const page = remaining.slice(0, opts.maxDatapoints);
  const results: MetricDataResult[] = series.map((s) => ({ Id: s.id, Label: s.label, Timestamps: [], Values: [], StatusCode: "Complete" }));
  for (const p of page) {
    const r = results[p.q] as MetricDataResult;
    r.Timestamps.push(new Date(p.t));
    r.Values.push(p.v);
  }
  for (let i = page.length; i < remaining.length; i++) (results[(remaining[i] as { q: number }).q] as MetricDataResult).StatusCode = "PartialData";
  const last = page.at(-1);
  if (!last || page.length === remaining.length) return { MetricDataResults: results };
  return { MetricDataResults: results, NextToken: encode({ t: last.t, q: last.q }, hash) };
}

function encode(c: Cursor, hash: string): string {
  return Buffer.from(JSON.stringify({ t: c.t, q: c.q, h: hash })).toString("base64url");
}

function decode(token: string, hash: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw invalidToken();
  }
  const c = parsed as { t?: unknown; q?: unknown; h?: unknown } | null;
  if (!c || typeof c !== "object" || c.h !== hash || !Number.isFinite(c.t) || !Number.isInteger(c.q) || (c.q as number) < 0) throw invalidToken();
  return { t: c.t as number, q: c.q as number };
}
