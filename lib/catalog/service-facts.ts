// The configuration facts readiness is judged on, taken from DescribeService, the service's
// auto scaling configuration and 7 days of CloudWatch utilization. Pure, and free of secret
// values: an environment variable contributes its name only, and only when it looks like a
// plain-text secret. Stored on the entry (configFacts) so the list can score 2,000 entries
// without 2,000 DescribeService calls; the entry page refreshes them live.
import type { Service } from "@aws-sdk/client-apprunner";

export interface ServiceFacts {
  /** When these facts were read from AWS (ISO). */
  observedAt: string;
  minSize?: number;
  maxSize?: number;
  autoScalingName?: string;
  healthCheckProtocol: string;
  healthCheckPath?: string;
  sourceKind: "code" | "image";
  /** branch for code services, image tag/URI for image services */
  sourceVersion?: string;
  autoDeploy: boolean;
  observabilityEnabled: boolean;
  /** names of plain environment variables that look like secrets and hold a literal value */
  plainSecretEnvNames: string[];
  cpu?: string;
  memory?: string;
  /** p95 of hourly average utilization (percent) over the last 7 days; null when there was no data */
  cpuP95: number | null;
  memoryP95: number | null;
}

/** Names that read like credentials: *_SECRET, *_PASSWORD, *_TOKEN and their close kin. */
const SECRET_NAME = /(^|_)(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|SECRET_KEY|ACCESS_KEY)$/i;
/** Values that are references, not secrets: Secrets Manager / SSM ARNs and parameter paths. */
const REFERENCE = /^(arn:aws[a-z-]*:(secretsmanager|ssm|kms):|\{\{resolve:(secretsmanager|ssm)|ssm:|secretsmanager:)/i;

export function plainSecretNames(vars: Record<string, string | undefined>): string[] {
  return Object.entries(vars)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === "string" && value.trim() !== "" && !REFERENCE.test(value.trim()))
    .map(([name]) => name)
    .sort();
}

export function toServiceFacts(
  s: Service,
  scaling: { minSize?: number; maxSize?: number; name?: string } | undefined,
  utilization: { cpuP95: number | null; memoryP95: number | null },
  now: Date = new Date(),
): ServiceFacts {
  const sc = s.SourceConfiguration ?? {};
  const img = sc.ImageRepository;
  const code = sc.CodeRepository;
  const vars = img?.ImageConfiguration?.RuntimeEnvironmentVariables ?? code?.CodeConfiguration?.CodeConfigurationValues?.RuntimeEnvironmentVariables ?? {};
  return {
    observedAt: now.toISOString(),
    minSize: scaling?.minSize,
    maxSize: scaling?.maxSize,
    autoScalingName: scaling?.name ?? s.AutoScalingConfigurationSummary?.AutoScalingConfigurationName,
    healthCheckProtocol: s.HealthCheckConfiguration?.Protocol ?? "TCP",
    healthCheckPath: s.HealthCheckConfiguration?.Path,
    sourceKind: img ? "image" : "code",
    sourceVersion: img ? img.ImageIdentifier : code?.SourceCodeVersion?.Value,
    autoDeploy: sc.AutoDeploymentsEnabled ?? false,
    observabilityEnabled: s.ObservabilityConfiguration?.ObservabilityEnabled ?? false,
    plainSecretEnvNames: plainSecretNames(vars),
    cpu: s.InstanceConfiguration?.Cpu,
    memory: s.InstanceConfiguration?.Memory,
    cpuP95: utilization.cpuP95,
    memoryP95: utilization.memoryP95,
  };
}

export function parseFacts(json: string | null | undefined): ServiceFacts | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as ServiceFacts;
    return v && typeof v === "object" && typeof v.observedAt === "string" ? v : null;
  } catch {
    return null;
  }
}

/** p95 by nearest rank; null for no data. */
export function percentile95(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? null;
}
