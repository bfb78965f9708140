// The charts of a service's Metrics tab, as data: which AWS/AppRunner metric and statistic
// each line is. Shared by the query builder (server) and the charts (browser); no I/O.
export const APP_RUNNER_NAMESPACE = "AWS/AppRunner";

export interface SeriesSpec {
  /** GetMetricData query id: lower-case first letter, letters/digits/underscore */
  id: string;
  metric: string;
  stat: string;
  label: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  series: SeriesSpec[];
  stacked?: boolean;
  /** how an empty range reads: "no requests between … and …" */
  emptyNoun: string;
}

export const SERVICE_CHARTS: ChartSpec[] = [
  { id: "instances", title: "Active instances", unit: "instances", emptyNoun: "active instances", series: [{ id: "active", metric: "ActiveInstances", stat: "Maximum", label: "ActiveInstances" }] },
  { id: "concurrency", title: "Concurrency", unit: "requests", emptyNoun: "concurrent requests", series: [{ id: "concurrency", metric: "Concurrency", stat: "Maximum", label: "Concurrency" }] },
  { id: "requests", title: "Requests", unit: "count", emptyNoun: "requests", series: [{ id: "requests", metric: "Requests", stat: "Sum", label: "Requests" }] },
  {
    id: "responses",
    title: "Responses by status",
    unit: "count",
    emptyNoun: "responses",
    stacked: true,
    series: [
      { id: "r2xx", metric: "2xxStatusResponses", stat: "Sum", label: "2xx" },
      { id: "r4xx", metric: "4xxStatusResponses", stat: "Sum", label: "4xx" },
      { id: "r5xx", metric: "5xxStatusResponses", stat: "Sum", label: "5xx" },
    ],
  },
  {
    id: "latency",
    title: "Request latency",
    unit: "ms",
    emptyNoun: "requests",
    series: [
      { id: "p50", metric: "RequestLatency", stat: "p50", label: "p50" },
      { id: "p90", metric: "RequestLatency", stat: "p90", label: "p90" },
      { id: "p99", metric: "RequestLatency", stat: "p99", label: "p99" },
    ],
  },
  {
    id: "utilization",
    title: "CPU and memory",
    unit: "%",
    emptyNoun: "utilization samples",
    series: [
      { id: "cpu", metric: "CPUUtilization", stat: "Average", label: "CPUUtilization" },
      { id: "memory", metric: "MemoryUtilization", stat: "Average", label: "MemoryUtilization" },
    ],
  },
];

export const ALL_SERIES: SeriesSpec[] = SERVICE_CHARTS.flatMap((c) => c.series);

export interface MetricQuery {
  Id: string;
  MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }; Period: number; Stat: string };
  ReturnData: true;
}

/** App Runner publishes per service with both dimensions, ServiceName and ServiceID. */
export function serviceQuery(id: string, metric: string, stat: string, service: { name: string; id: string }, period: number): MetricQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: APP_RUNNER_NAMESPACE,
        MetricName: metric,
        Dimensions: [
          { Name: "ServiceName", Value: service.name },
          { Name: "ServiceID", Value: service.id },
        ],
      },
      Period: period,
      Stat: stat,
    },
    ReturnData: true,
  };
}

export function serviceChartQueries(service: { name: string; id: string }, period: number): MetricQuery[] {
  return ALL_SERIES.map((s) => serviceQuery(s.id, s.metric, s.stat, service, period));
}
