// App Runner's log group names for a service (same names on AWS and the local runtime).
export type LogSource = "service" | "application";

export const serviceLogGroup = (serviceName: string, serviceId: string, source: LogSource) => `/aws/apprunner/${serviceName}/${serviceId}/${source}`;
