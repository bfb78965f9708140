import type { Json } from "../contracts.js";
import type { AutoScalingRecord, CustomDomainRecord, OperationRecord, ServiceRecord } from "./state.js";

type Obj = { [key: string]: Json };

/** AWS JSON 1.0 sends timestamps as epoch seconds. */
export function seconds(ms: number): number {
  return ms / 1000;
}

export function renderService(svc: ServiceRecord, serviceUrl: string, asc: AutoScalingRecord | undefined): Obj {
  const out: Obj = {
    ServiceName: svc.name,
    ServiceId: svc.id,
    ServiceArn: svc.arn,
    ServiceUrl: serviceUrl,
    CreatedAt: seconds(svc.createdAt),
    UpdatedAt: seconds(svc.updatedAt),
    Status: svc.status,
    SourceConfiguration: svc.config.SourceConfiguration,
    InstanceConfiguration: svc.config.InstanceConfiguration,
    HealthCheckConfiguration: svc.config.HealthCheckConfiguration,
    AutoScalingConfigurationSummary: asc ? renderAutoScalingSummary(asc, true) : { AutoScalingConfigurationArn: svc.config.AutoScalingConfigurationArn },
    NetworkConfiguration: svc.config.NetworkConfiguration,
  };
  if (svc.deletedAt !== undefined) out.DeletedAt = seconds(svc.deletedAt);
  if (svc.config.ObservabilityConfiguration) out.ObservabilityConfiguration = svc.config.ObservabilityConfiguration;
  if (svc.config.EncryptionConfiguration) out.EncryptionConfiguration = svc.config.EncryptionConfiguration;
  return out;
}

export function renderServiceSummary(svc: ServiceRecord, serviceUrl: string): Obj {
  return {
    ServiceName: svc.name,
    ServiceId: svc.id,
    ServiceArn: svc.arn,
    ServiceUrl: serviceUrl,
    CreatedAt: seconds(svc.createdAt),
    UpdatedAt: seconds(svc.updatedAt),
    Status: svc.status,
  };
}

export function renderOperation(op: OperationRecord): Obj {
  const out: Obj = {
    Id: op.id,
    Type: op.type,
    Status: op.status,
    TargetArn: op.targetArn,
    StartedAt: seconds(op.startedAt),
    UpdatedAt: seconds(op.updatedAt),
  };
  if (op.endedAt !== undefined) out.EndedAt = seconds(op.endedAt);
  return out;
}

export function renderAutoScalingSummary(a: AutoScalingRecord, hasAssociatedService: boolean): Obj {
  return {
    AutoScalingConfigurationArn: a.arn,
    AutoScalingConfigurationName: a.name,
    AutoScalingConfigurationRevision: a.revision,
    Status: a.status,
    CreatedAt: seconds(a.createdAt),
    HasAssociatedService: hasAssociatedService,
    IsDefault: a.isDefault,
  };
}

export function renderAutoScaling(a: AutoScalingRecord, latest: boolean, hasAssociatedService: boolean): Obj {
  const out: Obj = {
    ...renderAutoScalingSummary(a, hasAssociatedService),
    Latest: latest,
    MaxConcurrency: a.maxConcurrency,
    MinSize: a.minSize,
    MaxSize: a.maxSize,
  };
  if (a.deletedAt !== undefined) out.DeletedAt = seconds(a.deletedAt);
  return out;
}

/** App Runner reports custom domain statuses in lower case (`pending_certificate_dns_validation`, `active`). */
export function renderCustomDomain(d: CustomDomainRecord, active: boolean, status?: string): Obj {
  return {
    DomainName: d.domainName,
    EnableWWWSubdomain: d.enableWww,
    CertificateValidationRecords: d.records.map((r) => ({ ...r, Status: active ? "SUCCESS" : "PENDING_VALIDATION" })),
    Status: status ?? (active ? "active" : "pending_certificate_dns_validation"),
  };
}
