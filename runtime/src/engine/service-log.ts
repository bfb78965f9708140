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
    this.logs.append(this.group, logStreams.events, message);
  }

  deployment(operationId: string, message: string): void {
    this.logs.append(this.group, logStreams.deployment(operationId), message);
  }
}
