import { CloudWatchError } from "./cloudwatch-error.js";
import { metricDataPage, type QuerySeries } from "./metric-data-pages.js";
import { isSupportedStat, NAMESPACE, parsePercentile, statistic, type Dimension, type MetricStore } from "./metric-store.js";

export const invalidValue = (m: string) => new CloudWatchError("InvalidParameterValue", "InvalidParameterValueException", m);
const missing = (name: string) => new CloudWatchError("MissingParameter", "MissingRequiredParameterException", `The parameter ${name} is required.`);
const combination = (m: string) => new CloudWatchError("InvalidParameterCombination", "InvalidParameterCombinationException", m);

type Input = Record<string, unknown>;

const UNITS: Record<string, string> = { RequestLatency: "Milliseconds", CPUUtilization: "Percent", MemoryUtilization: "Percent" };
const unitOf = (metric: string) => UNITS[metric] ?? "Count";

/**
 * GetMetricData, GetMetricStatistics, ListMetrics (and an empty DescribeAlarms) over the metric store.
 * Inputs come from either wire protocol, so numbers and times may arrive as strings; outputs use Date
 * for timestamps and Map for string maps, and each protocol encodes those its own way.
 */
export const metricOperations: Record<string, (store: MetricStore, input: Input) => unknown> = {
  GetMetricData(store, input) {
    const queries = list(input, "MetricDataQueries");
    if (!queries.length) throw missing("MetricDataQueries");
    if (queries.length > 500) throw invalidValue("The collection MetricDataQueries must not have a size greater than 500.");
    const start = time(input, "StartTime");
    const end = time(input, "EndTime");
    if (start >= end) throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
    const scanBy = optStr(input, "ScanBy") ?? "TimestampDescending";
    if (scanBy !== "TimestampDescending" && scanBy !== "TimestampAscending") throw invalidValue("ScanBy must be TimestampDescending or TimestampAscending.");
    const maxDatapoints = optNum(input, "MaxDatapoints") ?? 100_800;
    if (!Number.isInteger(maxDatapoints) || maxDatapoints < 1) throw invalidValue(`The parameter MaxDatapoints must be a positive integer (got ${maxDatapoints}).`);
    const ids = new Set<string>();
    const series: QuerySeries[] = [];
    const aggregated = new Map<string, ReturnType<MetricStore["aggregate"]>>();
    for (const raw of queries) {
      const q = asObject(raw, "MetricDataQueries.member");
      const id = str(q, "Id");
      if (!/^[a-z][a-zA-Z0-9_]*$/.test(id)) throw invalidValue(`The value ${id} for parameter MetricDataQueries.member.Id is not valid: it must start with a lower-case letter and contain only letters, digits and underscores.`);
      if (ids.has(id)) throw invalidValue(`The value ${id} for parameter MetricDataQueries.member.Id is duplicated.`);
      ids.add(id);
      if (q.Expression !== undefined) {
        throw invalidValue(`Query ${id}: metric math and search expressions are not supported by the local runtime; use MetricStat queries.`);
      }
      if (q.MetricStat === undefined) throw missing(`MetricDataQueries.member.MetricStat (query ${id})`);
      const ms = asObject(q.MetricStat, "MetricStat");
      const metric = asObject(ms.Metric, "MetricStat.Metric");
      const period = validPeriod(optNum(q, "Period") ?? num(ms, "Period"));
      const stat = str(ms, "Stat");
      if (!isSupportedStat(stat)) throw invalidValue(`Query ${id}: statistic ${stat} is not supported by the local runtime (use Sum, Average, Minimum, Maximum, SampleCount or pNN).`);
      const metricName = str(metric, "MetricName");
      const dims = dimensions(metric);
      // Without math expressions a ReturnData=false query feeds nothing: it is validated, not computed.
      if (optBool(q, "ReturnData") === false) continue;
      // Queries that differ only in their statistic (p50/p90/p99 of one latency) share one aggregation.
      const key = JSON.stringify([optStr(metric, "Namespace"), metricName, dims, period]);
      let buckets = aggregated.get(key);
      if (!buckets) {
        const found = optStr(metric, "Namespace") === NAMESPACE ? store.find(metricName, dims) : [];
        buckets = store.aggregate(found, start, end, period * 1000);
        aggregated.set(key, buckets);
      }
      const points: [number, number][] = [];
      for (const [t, agg] of buckets) {
        const v = statistic(agg, stat);
        if (v !== undefined) points.push([t, v]);
      }
      series.push({ id, label: optStr(q, "Label") ?? metricName, points });
    }
    const nextToken = optStr(input, "NextToken");
    // The token is only valid for the request it came from: same queries, time range and order.
    const request = { queries, start, end, scanBy };
    return { ...metricDataPage(series, { scanBy, maxDatapoints, nextToken, request }), Messages: [] };
  },

  GetMetricStatistics(store, input) {
    const namespace = str(input, "Namespace");
    const metricName = str(input, "MetricName");
    const start = time(input, "StartTime");
    const end = time(input, "EndTime");
    if (start >= end) throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
    const period = validPeriod(num(input, "Period"));
    const stats = list(input, "Statistics").map(String);
    const extended = list(input, "ExtendedStatistics").map(String);
    if (!stats.length && !extended.length) throw missing("Statistics or ExtendedStatistics");
    if (stats.length > 5 || extended.length > 10) throw invalidValue("At most 5 Statistics and 10 ExtendedStatistics may be requested.");
    for (const s of stats) if (!["Sum", "Average", "Minimum", "Maximum", "SampleCount"].includes(s)) throw invalidValue(`The value ${s} for parameter Statistics is not a valid statistic.`);
    for (const s of extended) if (parsePercentile(s) === undefined) throw invalidValue(`The value ${s} for parameter ExtendedStatistics is not supported by the local runtime (use pNN).`);
    if ((end - start) / (period * 1000) > 1440) throw combination("You have requested up to 1,440 datapoints; reduce the time range or increase the period.");
    const series = namespace === NAMESPACE ? store.find(metricName, dimensions(input)) : [];
    const datapoints = [...store.aggregate(series, start, end, period * 1000)]
      .sort((a, b) => a[0] - b[0])
      .map(([t, agg]) => {
        const point: Record<string, unknown> = { Timestamp: new Date(t) };
        for (const s of stats) point[s] = statistic(agg, s);
        if (extended.length) point.ExtendedStatistics = new Map(extended.map((s) => [s, statistic(agg, s) ?? 0]));
        point.Unit = unitOf(metricName);
        return point;
      });
    return { Label: metricName, Datapoints: datapoints };
  },

  ListMetrics(store, input) {
    const namespace = optStr(input, "Namespace");
    if (namespace !== undefined && namespace !== NAMESPACE) return { Metrics: [] };
    const recent = optStr(input, "RecentlyActive");
    if (recent !== undefined && recent !== "PT3H") throw invalidValue("RecentlyActive must be PT3H.");
    const since = recent ? Date.now() - 3 * 3600_000 : 0;
    const all = store.find(optStr(input, "MetricName"), dimensions(input)).filter((s) => s.updated >= since);
    const offset = optStr(input, "NextToken") ? Number(Buffer.from(String(input.NextToken), "base64url").toString()) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw new CloudWatchError("InvalidNextToken", "InvalidNextToken", "The NextToken is invalid.");
    const page = all.slice(offset, offset + 500);
    return {
      Metrics: page.map((s) => ({
        Namespace: NAMESPACE,
        MetricName: s.metric,
        Dimensions: [
          { Name: "ServiceID", Value: s.serviceId },
          { Name: "ServiceName", Value: s.serviceName },
        ],
      })),
      ...(offset + page.length < all.length ? { NextToken: Buffer.from(String(offset + page.length)).toString("base64url") } : {}),
    };
  },

  /** The runtime has no alarms; answering empty keeps consoles that list alarms working. */
  DescribeAlarms() {
    return { MetricAlarms: [], CompositeAlarms: [] };
  },
};

function validPeriod(period: number): number {
  if (!Number.isInteger(period) || period < 1 || (period >= 60 ? period % 60 !== 0 : ![1, 5, 10, 30].includes(period))) {
    throw invalidValue(`The parameter Period must be 1, 5, 10, 30 or a multiple of 60 (got ${period}).`);
  }
  return period;
}

function dimensions(input: Input): Dimension[] {
  const dims = list(input, "Dimensions").map((d) => asObject(d, "Dimensions.member"));
  if (dims.length > 30) throw invalidValue("At most 30 dimensions may be given.");
  return dims.map((d) => ({ Name: str(d, "Name"), Value: optStr(d, "Value") as string }));
}

function asObject(v: unknown, name: string): Input {
  if (!v || typeof v !== "object" || Array.isArray(v)) throw missing(name);
  return v as Input;
}

function list(input: Input, key: string): unknown[] {
  const v = input[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalidValue(`The parameter ${key} must be a list.`);
  return v;
}

function str(input: Input, key: string): string {
  const v = optStr(input, key);
  if (v === undefined || v === "") throw missing(key);
  return v;
}

function optStr(input: Input, key: string): string | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw invalidValue(`The parameter ${key} must be a string.`);
  if (v.length > 1024) throw invalidValue(`The parameter ${key} is too long.`);
  return v;
}

function num(input: Input, key: string): number {
  const v = optNum(input, key);
  if (v === undefined) throw missing(key);
  return v;
}

function optNum(input: Input, key: string): number | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n)) throw invalidValue(`The parameter ${key} must be a number.`);
  return n;
}

function optBool(input: Input, key: string): boolean | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  throw invalidValue(`The parameter ${key} must be a boolean.`);
}

/** Epoch seconds (JSON, fractions allowed), or ISO-8601 / epoch-seconds strings (query protocol); returns ms. */
function time(input: Input, key: string): number {
  const v = input[key];
  if (v === undefined || v === null) throw missing(key);
  if (v instanceof Date) return v.getTime();
  if (typeof v === "number" && Number.isFinite(v)) return v * 1000;
  if (typeof v === "string") {
    const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v);
    if (Number.isFinite(ms)) return ms;
  }
  throw invalidValue(`The parameter ${key} must be a timestamp.`);
}
