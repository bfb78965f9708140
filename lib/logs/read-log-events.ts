// Service events and application output from CloudWatch Logs (FilterLogEvents), merged in
// time order. Used by the Logs tab for a time range and, with `startTime`, by follow mode.
import { FilterLogEventsCommand, type CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { serviceLogGroup, type LogSource } from "./service-log-groups";

export interface LogLine {
  id: string;
  timestamp: number;
  source: LogSource;
  stream: string;
  message: string;
}

export interface ReadLogsOptions {
  serviceName: string;
  serviceId: string;
  sources: readonly LogSource[];
  startTime?: number;
  endTime?: number;
  /** Plain text to find (quoted into a CloudWatch filter pattern) */
  search?: string;
  /** Only streams starting with this, e.g. "deployment/<operationId>" */
  streamPrefix?: string;
  limit?: number;
}

/** CloudWatch filter pattern matching the literal text (terms in double quotes, quotes escaped). */
export function literalFilterPattern(search: string | undefined): string | undefined {
  const text = search?.trim();
  if (!text) return undefined;
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

async function readGroup(client: CloudWatchLogsClient, group: string, source: LogSource, o: ReadLogsOptions, limit: number): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const page = await client.send(
        new FilterLogEventsCommand({
          logGroupName: group,
          startTime: o.startTime,
          endTime: o.endTime,
          filterPattern: literalFilterPattern(o.search),
          logStreamNamePrefix: o.streamPrefix,
          limit: Math.min(10_000, limit - lines.length),
          nextToken,
        }),
      );
      for (const e of page.events ?? []) {
        lines.push({
          id: e.eventId ?? `${group}:${e.logStreamName}:${e.timestamp}:${lines.length}`,
          timestamp: e.timestamp ?? 0,
          source,
          stream: e.logStreamName ?? "",
          message: (e.message ?? "").replace(/\n$/, ""),
        });
      }
      nextToken = page.nextToken;
    } while (nextToken && lines.length < limit);
  } catch (err) {
    // The application group appears only once an instance has written something.
    if ((err as Error).name === "ResourceNotFoundException") return [];
    throw err;
  }
  return lines;
}

export async function readLogEvents(client: CloudWatchLogsClient, o: ReadLogsOptions): Promise<LogLine[]> {
  const limit = o.limit ?? 1000;
  const groups = await Promise.all(
    o.sources.map((source) => readGroup(client, serviceLogGroup(o.serviceName, o.serviceId, source), source, o, limit)),
  );
  const merged = groups.flat().sort((a, b) => a.timestamp - b.timestamp || a.id.localeCompare(b.id));
  // Keep the newest lines when over the limit: that is what someone reading logs wants.
  return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}
