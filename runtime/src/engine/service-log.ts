// Lines for the service log group, in App Runner's words: short events in the
// `events` stream, details and build output in `deployment/<operationId>`.
import { logGroups, logStreams, type LogSink } from "../contracts.js";

export class ServiceLog {
  private readonly group: string;

  constructor(
    private readonly logs: LogSink,
    serviceName: string,
    serviceId: string,
  ) {
    this.group = logGroups.service(serviceName, serviceId);
  }

  event(message: string): void {
    safeAppend(this.logs, this.group, logStreams.events, message);
  }

  deployment(operationId: string, message: string): void {
    safeAppend(this.logs, this.group, logStreams.deployment(operationId), message);
  }

  /** A step of a deployment users look for in `events` too (source pulled, build done, health check result, rollback). */
  milestone(operationId: string, message: string): void {
    this.event(message);
    this.deployment(operationId, message);
  }
}

/** A log store that fails (full disk, closed at shutdown) must not take a deployment or the runtime down. */
export function safeAppend(logs: LogSink, group: string, stream: string, message: string): void {
  try {
    logs.append(group, stream, message);
  } catch {
    // dropped: logging is best effort
  }
}
