// DescribeService (+ tags) -> the configuration a version keeps (pure). Everything App Runner
// fills in when a field is left out (CPU "1024" for "1 vCPU", health check defaults, ingress,
// IP type...) is written one way here, so a plain read of an unchanged service compares equal
// to the version Runway stored after its own change, and only a real change counts as drift.
// Secret values never get in: a secret keeps its name, and the ARN it references when it is one.
import type { Service } from "@aws-sdk/client-apprunner";
import { normalizeCpu, normalizeMemory } from "@/lib/services/service-view";

export interface ImageSourceConfig {
  kind: "image";
  imageIdentifier: string;
  imageRepositoryType: string;
  port: string;
  startCommand?: string;
  accessRoleArn?: string;
}

export interface CodeSourceConfig {
  kind: "code";
  repositoryUrl: string;
  /** SourceCodeVersion: App Runner builds the head of this branch. */
  branch: string;
  sourceDirectory?: string;
  configurationSource: string;
  runtime?: string;
  buildCommand?: string;
  startCommand?: string;
  port?: string;
  connectionArn?: string;
}

export interface ServiceConfig {
  source: ImageSourceConfig | CodeSourceConfig;
  autoDeploy: boolean;
  /** Plain environment variables, name -> value. */
  env: Record<string, string>;
  /** Secrets, name -> the Secrets Manager / SSM ARN it references, or null when it is not an ARN (never stored). */
  secrets: Record<string, string | null>;
  instance: { cpu: string; memory: string; instanceRoleArn?: string };
  healthCheck: { protocol: string; path?: string; interval: number; timeout: number; healthyThreshold: number; unhealthyThreshold: number };
  autoScaling: { arn?: string; name?: string; revision?: number };
  network: { egress: string; vpcConnectorArn?: string; publiclyAccessible: boolean; ipAddressType: string };
  observability: { enabled: boolean; configurationArn?: string };
  tags: Record<string, string>;
}

const secretReference = /^arn:aws[\w-]*:(secretsmanager|ssm):/;

/** The reference to keep for a secret: its ARN, or null for anything else (which may be the value itself). */
export function secretRef(value: string | undefined): string | null {
  return value && secretReference.test(value) ? value : null;
}

const sorted = <V>(o: Record<string, V> | undefined): Record<string, V> =>
  Object.fromEntries(Object.entries(o ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Drops undefined and empty-string members so "left out" and "blank" read the same. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as T;
}

export function toServiceConfig(s: Service, tags: readonly { key: string; value: string }[] = []): ServiceConfig {
  const sc = s.SourceConfiguration ?? {};
  const img = sc.ImageRepository;
  const code = sc.CodeRepository;
  const values = code?.CodeConfiguration?.CodeConfigurationValues;
  const vars = img?.ImageConfiguration?.RuntimeEnvironmentVariables ?? values?.RuntimeEnvironmentVariables;
  const secrets = img?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? values?.RuntimeEnvironmentSecrets;
  const source: ServiceConfig["source"] = img
    ? compact<ImageSourceConfig>({
        kind: "image",
        imageIdentifier: img.ImageIdentifier ?? "",
        imageRepositoryType: img.ImageRepositoryType ?? "",
        port: img.ImageConfiguration?.Port ?? "8080",
        startCommand: img.ImageConfiguration?.StartCommand,
        accessRoleArn: sc.AuthenticationConfiguration?.AccessRoleArn,
      })
    : compact<CodeSourceConfig>({
        kind: "code",
        repositoryUrl: code?.RepositoryUrl ?? "",
        branch: code?.SourceCodeVersion?.Value ?? "",
        sourceDirectory: code?.SourceDirectory,
        configurationSource: code?.CodeConfiguration?.ConfigurationSource ?? "REPOSITORY",
        runtime: values?.Runtime,
        buildCommand: values?.BuildCommand,
        startCommand: values?.StartCommand,
        // The port only means something when the API holds the configuration.
        port: values ? (values.Port ?? "8080") : undefined,
        connectionArn: sc.AuthenticationConfiguration?.ConnectionArn,
      });
  const hc = s.HealthCheckConfiguration;
  const protocol = hc?.Protocol ?? "TCP";
  const net = s.NetworkConfiguration;
  const as = s.AutoScalingConfigurationSummary;
  return {
    source,
    autoDeploy: sc.AutoDeploymentsEnabled ?? false,
    env: sorted(vars),
    secrets: sorted(Object.fromEntries(Object.entries(secrets ?? {}).map(([k, v]) => [k, secretRef(v)]))),
    instance: compact({
      cpu: normalizeCpu(s.InstanceConfiguration?.Cpu) ?? "1 vCPU",
      memory: normalizeMemory(s.InstanceConfiguration?.Memory) ?? "2 GB",
      instanceRoleArn: s.InstanceConfiguration?.InstanceRoleArn,
    }),
    healthCheck: compact({
      protocol,
      // App Runner ignores the path of a TCP check; keeping it would make it look like a change.
      path: protocol === "HTTP" ? (hc?.Path ?? "/") : undefined,
      interval: hc?.Interval ?? 5,
      timeout: hc?.Timeout ?? 2,
      healthyThreshold: hc?.HealthyThreshold ?? 1,
      unhealthyThreshold: hc?.UnhealthyThreshold ?? 5,
    }),
    autoScaling: compact({ arn: as?.AutoScalingConfigurationArn, name: as?.AutoScalingConfigurationName, revision: as?.AutoScalingConfigurationRevision }),
    network: compact({
      egress: net?.EgressConfiguration?.EgressType ?? "DEFAULT",
      vpcConnectorArn: net?.EgressConfiguration?.VpcConnectorArn,
      publiclyAccessible: net?.IngressConfiguration?.IsPubliclyAccessible ?? true,
      ipAddressType: net?.IpAddressType ?? "IPV4",
    }),
    observability: compact({
      enabled: s.ObservabilityConfiguration?.ObservabilityEnabled ?? false,
      configurationArn: s.ObservabilityConfiguration?.ObservabilityEnabled ? s.ObservabilityConfiguration.ObservabilityConfigurationArn : undefined,
    }),
    // aws: tags belong to AWS, not to the service's configuration.
    tags: sorted(Object.fromEntries(tags.filter((t) => t.key && !t.key.startsWith("aws:")).map((t) => [t.key, t.value]))),
  };
}

/** JSON with object keys sorted at every level: equal configurations give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A stored config, checked just enough that a damaged row fails loudly instead of rolling back garbage. */
export function parseServiceConfig(json: string): ServiceConfig {
  const value = JSON.parse(json) as ServiceConfig;
  if (!value || typeof value !== "object" || !value.source || !value.instance || !value.healthCheck) throw new Error("Stored version is not a service configuration");
  return value;
}
