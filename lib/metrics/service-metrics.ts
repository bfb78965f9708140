// Everything the Metrics tab draws, for one refresh: one GetMetricData call for every chart
// (batched, paged), the service's operations as markers, and, only when a series came back
// empty, ListMetrics to tell "no data in the range" from "metric not published".
import "server-only";
import { ListMetricsCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { AppRunnerClient } from "@aws-sdk/client-apprunner";
import { listOperations } from "@/lib/services/list-operations";
import { getMetricData } from "./get-metric-data";
import { windowFor, type RangeKey, type TimeWindow } from "./metric-period";
import { toRows, type MetricRow } from "./metric-series";
import { operationMarkers, type OperationMarker } from "./operation-markers";
import { operationStarters } from "./operation-starters";
import { ALL_SERIES, APP_RUNNER_NAMESPACE, serviceChartQueries } from "./service-charts";
import type { ServerTiming } from "@/lib/routes/server-timing";

export interface ServiceMetrics {
  window: TimeWindow;
  rows: MetricRow[];
  /** per series id: points returned and whether CloudWatch lists the metric for this service */
  series: Record<string, { points: number; published: boolean }>;
  markers: OperationMarker[];
  /** GetMetricData round trips behind this answer */
  calls: number;
}

export interface ServiceMetricsInput {
  cloudwatch: CloudWatchClient;
  apprunner: AppRunnerClient;
  service: { arn: string; name: string; id: string };
  range: RangeKey | "custom";
  custom?: { start: number; end: number };
  now?: number;
  /** records each read's duration for the route's Server-Timing header */
  timing?: ServerTiming;
}

export async function loadServiceMetrics(input: ServiceMetricsInput): Promise<ServiceMetrics> {
  const { cloudwatch, apprunner, service } = input;
  const window = windowFor(input.range, input.now ?? Date.now(), input.custom);
  const time = <T>(name: string, step: Promise<T>) => (input.timing ? input.timing.time(name, step) : step);
  const [data, ops, starters] = await Promise.all([
    time("getmetricdata", getMetricData(cloudwatch, serviceChartQueries(service, window.period), window.start, window.end)),
    // Markers are extra: the charts still draw when ListOperations or the audit read fails.
    time("listoperations", listOperations(apprunner, service.arn, 100).catch(() => [])),
    time("starters", operationStarters(service.arn).catch(() => new Map<string, string>())),
  ]);
  const empty = ALL_SERIES.filter((s) => !data.series.get(s.id)?.length);
  const published = empty.length ? await publishedMetrics(cloudwatch, service) : new Set<string>();
  const series: ServiceMetrics["series"] = {};
  for (const s of ALL_SERIES) {
    const points = data.series.get(s.id)?.length ?? 0;
    series[s.id] = { points, published: points > 0 || published.has(s.metric) };
  }
  return {
    window,
    rows: toRows(data.series, ALL_SERIES.map((s) => s.id)),
    series,
    markers: operationMarkers(ops, window, starters),
    calls: data.calls,
  };
}

async function publishedMetrics(client: CloudWatchClient, service: { name: string; id: string }): Promise<Set<string>> {
  const names = new Set<string>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListMetricsCommand({ Namespace: APP_RUNNER_NAMESPACE, Dimensions: [{ Name: "ServiceID", Value: service.id }], NextToken: token }));
    for (const m of page.Metrics ?? []) if (m.MetricName) names.add(m.MetricName);
    token = page.NextToken;
  } while (token);
  return names;
}
