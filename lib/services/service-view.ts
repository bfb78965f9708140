// SDK shapes -> plain, serializable view models (ISO dates, no secret values) that pages and
// client components can share. Secret env vars keep only their names.
import type { OperationSummary, Service, ServiceSummary } from "@aws-sdk/client-apprunner";
import { codeRuntimes, cpuOptions, type Cpu, type ServiceFormInput } from "./service-form-schema";

export type ServiceStatus = "CREATE_FAILED" | "RUNNING" | "DELETED" | "DELETE_FAILED" | "PAUSED" | "OPERATION_IN_PROGRESS";

/** App Runner answers with a bare host; local runtime hosts (*.localhost) serve plain http. */
export function serviceLink(serviceUrl: string | undefined): string | undefined {
  if (!serviceUrl) return undefined;
  if (/^https?:\/\//i.test(serviceUrl)) return serviceUrl;
  const host = serviceUrl.split("/")[0]?.split(":")[0] ?? "";
  const local = host === "localhost" || host.endsWith(".localhost") || host === "127.0.0.1";
  return `${local ? "http" : "https"}://${serviceUrl}`;
}

/** The region is the 4th ARN field: arn:aws:apprunner:<region>:<account>:service/<name>/<id>. */
export function regionOfArn(arn: string): string | undefined {
  return arn.split(":")[3] || undefined;
}

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined);

export interface ServiceRow {
  name: string;
  id: string;
  arn: string;
  region: string;
  status: ServiceStatus;
  url?: string;
  link?: string;
  createdAt?: string;
  updatedAt?: string;
}

export function toServiceRow(s: ServiceSummary, region: string): ServiceRow {
  return {
    name: s.ServiceName ?? "",
    id: s.ServiceId ?? "",
    arn: s.ServiceArn ?? "",
    region: (s.ServiceArn && regionOfArn(s.ServiceArn)) || region,
    status: (s.Status ?? "OPERATION_IN_PROGRESS") as ServiceStatus,
    url: s.ServiceUrl,
    link: serviceLink(s.ServiceUrl),
    createdAt: iso(s.CreatedAt),
    updatedAt: iso(s.UpdatedAt),
  };
}

export interface EnvVarView {
  name: string;
  /** Undefined for secrets: their values never leave the server. */
  value?: string;
  secret: boolean;
}

export interface SourceView {
  kind: "image" | "code";
  /** One line for tables: the image URI, or repo @ branch. */
  label: string;
  imageIdentifier?: string;
  imageRepositoryType?: string;
  repositoryUrl?: string;
  branch?: string;
  sourceDirectory?: string;
  configurationSource?: string;
  runtime?: string;
  buildCommand?: string;
  startCommand?: string;
  port?: string;
  autoDeploy: boolean;
  accessRoleArn?: string;
  connectionArn?: string;
}

export interface ServiceView extends ServiceRow {
  source: SourceView;
  env: EnvVarView[];
  cpu?: string;
  memory?: string;
  instanceRoleArn?: string;
  healthCheck: { protocol: string; path?: string; interval?: number; timeout?: number; healthyThreshold?: number; unhealthyThreshold?: number };
  autoScaling?: { arn?: string; name?: string; revision?: number };
  network: { egress: string; vpcConnectorArn?: string; publiclyAccessible: boolean; ipAddressType?: string };
  observabilityEnabled: boolean;
  deletedAt?: string;
}

export function toServiceView(s: Service): ServiceView {
  const region = regionOfArn(s.ServiceArn ?? "") ?? "";
  const sc = s.SourceConfiguration ?? {};
  const img = sc.ImageRepository;
  const code = sc.CodeRepository;
  const values = code?.CodeConfiguration?.CodeConfigurationValues;
  const vars = img?.ImageConfiguration?.RuntimeEnvironmentVariables ?? values?.RuntimeEnvironmentVariables ?? {};
  const secrets = img?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? values?.RuntimeEnvironmentSecrets ?? {};
  const env: EnvVarView[] = [
    ...Object.entries(vars).map(([name, value]) => ({ name, value, secret: false })),
    ...Object.keys(secrets).map((name) => ({ name, secret: true })),
  ];
  const source: SourceView = img
    ? {
        kind: "image",
        label: img.ImageIdentifier ?? "",
        imageIdentifier: img.ImageIdentifier,
        imageRepositoryType: img.ImageRepositoryType,
        startCommand: img.ImageConfiguration?.StartCommand,
        port: img.ImageConfiguration?.Port,
        autoDeploy: sc.AutoDeploymentsEnabled ?? false,
        accessRoleArn: sc.AuthenticationConfiguration?.AccessRoleArn,
      }
    : {
        kind: "code",
        label: `${code?.RepositoryUrl ?? ""} @ ${code?.SourceCodeVersion?.Value ?? ""}`,
        repositoryUrl: code?.RepositoryUrl,
        branch: code?.SourceCodeVersion?.Value,
        sourceDirectory: code?.SourceDirectory,
        configurationSource: code?.CodeConfiguration?.ConfigurationSource,
        runtime: values?.Runtime,
        buildCommand: values?.BuildCommand,
        startCommand: values?.StartCommand,
        port: values?.Port,
        autoDeploy: sc.AutoDeploymentsEnabled ?? false,
        connectionArn: sc.AuthenticationConfiguration?.ConnectionArn,
      };
  const hc = s.HealthCheckConfiguration;
  const as = s.AutoScalingConfigurationSummary;
  const net = s.NetworkConfiguration;
  return {
    ...toServiceRow(s, region),
    source,
    env,
    cpu: normalizeCpu(s.InstanceConfiguration?.Cpu),
    memory: normalizeMemory(s.InstanceConfiguration?.Memory),
    instanceRoleArn: s.InstanceConfiguration?.InstanceRoleArn,
    healthCheck: {
      protocol: hc?.Protocol ?? "TCP",
      path: hc?.Path,
      interval: hc?.Interval,
      timeout: hc?.Timeout,
      healthyThreshold: hc?.HealthyThreshold,
      unhealthyThreshold: hc?.UnhealthyThreshold,
    },
    autoScaling: as
      ? { arn: as.AutoScalingConfigurationArn, name: as.AutoScalingConfigurationName, revision: as.AutoScalingConfigurationRevision }
      : undefined,
    network: {
      egress: net?.EgressConfiguration?.EgressType ?? "DEFAULT",
      vpcConnectorArn: net?.EgressConfiguration?.VpcConnectorArn,
      publiclyAccessible: net?.IngressConfiguration?.IsPubliclyAccessible ?? true,
      ipAddressType: net?.IpAddressType,
    },
    observabilityEnabled: s.ObservabilityConfiguration?.ObservabilityEnabled ?? false,
    deletedAt: iso(s.DeletedAt),
  };
}

// App Runner accepts "1024" as well as "1 vCPU"; the form speaks the vCPU/GB form only.
const cpuUnits: Record<string, string> = { "256": "0.25 vCPU", "512": "0.5 vCPU", "1024": "1 vCPU", "2048": "2 vCPU", "4096": "4 vCPU" };
export function normalizeCpu(cpu: string | undefined): string | undefined {
  if (!cpu) return undefined;
  return cpuUnits[cpu] ?? cpu;
}
export function normalizeMemory(memory: string | undefined): string | undefined {
  if (!memory) return undefined;
  if (/^\d+$/.test(memory)) {
    const gb = Number(memory) / 1024;
    return `${gb} GB`;
  }
  return memory;
}

/** Prefill for the update form. Secrets come back blank with keep=true: left blank, they are unchanged. */
export function toFormValues(v: ServiceView): ServiceFormInput {
  const s = v.source;
  const cpu = (cpuOptions as string[]).includes(v.cpu ?? "") ? (v.cpu as Cpu) : "1 vCPU";
  const runtime = (codeRuntimes as readonly string[]).includes(s.runtime ?? "") ? (s.runtime as (typeof codeRuntimes)[number]) : undefined;
  return {
    serviceName: v.name,
    source:
      s.kind === "image"
        ? {
            kind: "image",
            imageIdentifier: s.imageIdentifier ?? "",
            imageRepositoryType: s.imageRepositoryType === "ECR" ? "ECR" : "ECR_PUBLIC",
            port: Number(s.port ?? 8080),
            startCommand: s.startCommand ?? "",
            accessRoleArn: s.accessRoleArn ?? "",
          }
        : {
            kind: "code",
            repositoryUrl: s.repositoryUrl ?? "",
            branch: s.branch ?? "",
            sourceDirectory: s.sourceDirectory ?? "",
            connectionArn: s.connectionArn ?? "",
            configurationSource: s.configurationSource === "API" ? "API" : "REPOSITORY",
            runtime,
            buildCommand: s.buildCommand ?? "",
            startCommand: s.startCommand ?? "",
            port: Number(s.port ?? 8080),
          },
    cpu,
    memory: v.memory ?? "2 GB",
    instanceRoleArn: v.instanceRoleArn ?? "",
    env: v.env.map((e) => ({ name: e.name, value: e.secret ? "" : (e.value ?? ""), secret: e.secret, keep: e.secret })),
    healthCheck: {
      protocol: v.healthCheck.protocol === "HTTP" ? "HTTP" : "TCP",
      path: v.healthCheck.path ?? "/",
      interval: v.healthCheck.interval ?? 5,
      timeout: v.healthCheck.timeout ?? 2,
      healthyThreshold: v.healthCheck.healthyThreshold ?? 1,
      unhealthyThreshold: v.healthCheck.unhealthyThreshold ?? 5,
    },
    autoScalingConfigurationArn: v.autoScaling?.arn ?? "",
    autoDeploy: s.autoDeploy,
    tags: [],
  };
}

export interface OperationView {
  id: string;
  type: string;
  status: string;
  startedAt?: string;
  endedAt?: string;
  updatedAt?: string;
  running: boolean;
}

export const operationRunning = (status: string | undefined) => status === "PENDING" || status === "IN_PROGRESS" || status === "ROLLBACK_IN_PROGRESS";

export function toOperationView(o: OperationSummary): OperationView {
  return {
    id: o.Id ?? "",
    type: o.Type ?? "",
    status: o.Status ?? "",
    startedAt: iso(o.StartedAt),
    endedAt: iso(o.EndedAt),
    updatedAt: iso(o.UpdatedAt),
    running: operationRunning(o.Status),
  };
}
