// App Runner scales on concurrent requests per instance (MaxConcurrency); ECS Express Mode can
// scale on the ALB's RequestCountPerTarget (requests per task per minute). The two meet through
// the service's own pace: requests per minute that one concurrent request carries, observed
// hour by hour (CloudWatch Requests Sum / 60 against Concurrency Average, Little's law).
export interface TrafficHour {
  /** Requests, Sum over the hour */
  requests: number;
  /** Concurrency, Average over the hour (the service's concurrent requests) */
  concurrency: number;
}

/** Target tracking holds the metric at its target; aim below App Runner's hard limit so new tasks start before old ones saturate. */
export const TARGET_HEADROOM = 0.8;
/** With no traffic to learn from: a request takes about a second. */
export const ASSUMED_SECONDS_PER_REQUEST = 1;

export interface ScalingSuggestion {
  metric: "REQUEST_COUNT_PER_TARGET";
  /** requests per task per minute */
  targetValue: number;
  /** requests per minute per concurrent request, observed or assumed */
  requestsPerMinutePerConcurrent: number;
  hoursUsed: number;
  basis: "observed" | "assumed";
  explanation: string;
}

export function suggestRequestTarget(maxConcurrency: number, hours: readonly TrafficHour[]): ScalingSuggestion {
  if (!Number.isFinite(maxConcurrency) || maxConcurrency < 1) throw new RangeError(`MaxConcurrency must be at least 1 (got ${maxConcurrency})`);
  // Only hours with both requests and concurrency say anything about the pace.
  const used = hours.filter((h) => h.requests > 0 && h.concurrency > 0);
  const requestsPerMinute = used.reduce((s, h) => s + h.requests / 60, 0);
  const concurrency = used.reduce((s, h) => s + h.concurrency, 0);
  const observed = used.length > 0 && concurrency > 0;
  const perConcurrent = observed ? requestsPerMinute / concurrency : 60 / ASSUMED_SECONDS_PER_REQUEST;
  const targetValue = Math.max(1, Math.floor(maxConcurrency * perConcurrent * TARGET_HEADROOM));
  const pace = `${round(perConcurrent)} requests a minute per concurrent request`;
  const explanation = observed
    ? `Observed over ${used.length} hours with traffic: ${pace} (about ${round(60 / perConcurrent)} s per request). At MaxConcurrency ${maxConcurrency} a task would serve ${round(maxConcurrency * perConcurrent)} requests a minute; the target is ${Math.round(TARGET_HEADROOM * 100)}% of that.`
    : `No hour in the period had both requests and concurrency, so a request is assumed to take ${ASSUMED_SECONDS_PER_REQUEST} s (${pace}). At MaxConcurrency ${maxConcurrency} the target is ${Math.round(TARGET_HEADROOM * 100)}% of ${round(maxConcurrency * perConcurrent)} requests a minute. Revisit it after a week of traffic on ECS.`;
  return { metric: "REQUEST_COUNT_PER_TARGET", targetValue, requestsPerMinutePerConcurrent: perConcurrent, hoursUsed: used.length, basis: observed ? "observed" : "assumed", explanation };
}

const round = (n: number) => Math.round(n * 100) / 100;
