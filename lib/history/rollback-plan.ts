// A stored version + the service as it is now -> the one UpdateService that brings the
// configuration back, and what it cannot bring back, in plain words (pure).
// Only the sections that differ are sent, so App Runner's own fields we do not keep
// (encryption, for one) are never touched.
import type {
  HealthCheckConfiguration,
  InstanceConfiguration,
  NetworkConfiguration,
  ServiceObservabilityConfiguration,
  Service,
  SourceConfiguration,
  UpdateServiceCommandInput,
} from "@aws-sdk/client-apprunner";
import { canonicalJson, toServiceConfig, type ServiceConfig } from "./service-config";

export type RollbackSection =
  | "SourceConfiguration"
  | "InstanceConfiguration"
  | "HealthCheckConfiguration"
  | "AutoScalingConfigurationArn"
  | "NetworkConfiguration"
  | "ObservabilityConfiguration";

export interface RollbackPlan {
  input: UpdateServiceCommandInput;
  sections: RollbackSection[];
  /** What the rollback does not restore, for the confirmation and the audit. */
  notes: string[];
  /** An image service with nothing to update: a StartDeployment pulls the pinned image again. */
  redeployOnly: boolean;
}

function currentSecrets(s: Service): Record<string, string> {
  const sc = s.SourceConfiguration;
  return sc?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentSecrets ?? sc?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues?.RuntimeEnvironmentSecrets ?? {};
}

const nonEmpty = <T extends object>(o: T) => (Object.keys(o).length ? o : undefined);

function sourceOf(c: ServiceConfig, secrets: Record<string, string>): SourceConfiguration {
  const env = nonEmpty(c.env);
  const sec = nonEmpty(secrets);
  const s = c.source;
  if (s.kind === "image") {
    return {
      ImageRepository: {
        ImageIdentifier: s.imageIdentifier,
        ImageRepositoryType: s.imageRepositoryType as "ECR" | "ECR_PUBLIC",
        ImageConfiguration: { Port: s.port, ...(s.startCommand ? { StartCommand: s.startCommand } : {}), ...(env ? { RuntimeEnvironmentVariables: env } : {}), ...(sec ? { RuntimeEnvironmentSecrets: sec } : {}) },
      },
      AutoDeploymentsEnabled: c.autoDeploy,
      ...(s.accessRoleArn ? { AuthenticationConfiguration: { AccessRoleArn: s.accessRoleArn } } : {}),
    };
  }
  return {
    CodeRepository: {
      RepositoryUrl: s.repositoryUrl,
      SourceCodeVersion: { Type: "BRANCH", Value: s.branch },
      ...(s.sourceDirectory ? { SourceDirectory: s.sourceDirectory } : {}),
      CodeConfiguration:
        s.configurationSource === "API"
          ? {
              ConfigurationSource: "API",
              CodeConfigurationValues: {
                Runtime: s.runtime as never,
                ...(s.port ? { Port: s.port } : {}),
                ...(s.buildCommand ? { BuildCommand: s.buildCommand } : {}),
                ...(s.startCommand ? { StartCommand: s.startCommand } : {}),
                ...(env ? { RuntimeEnvironmentVariables: env } : {}),
                ...(sec ? { RuntimeEnvironmentSecrets: sec } : {}),
              },
            }
          : { ConfigurationSource: "REPOSITORY" },
    },
    AutoDeploymentsEnabled: c.autoDeploy,
    ...(s.connectionArn ? { AuthenticationConfiguration: { ConnectionArn: s.connectionArn } } : {}),
  };
}

const instanceOf = (c: ServiceConfig): InstanceConfiguration => ({ Cpu: c.instance.cpu, Memory: c.instance.memory, ...(c.instance.instanceRoleArn ? { InstanceRoleArn: c.instance.instanceRoleArn } : {}) });

const healthOf = (c: ServiceConfig): HealthCheckConfiguration => ({
  Protocol: c.healthCheck.protocol as "TCP" | "HTTP",
  ...(c.healthCheck.path ? { Path: c.healthCheck.path } : {}),
  Interval: c.healthCheck.interval,
  Timeout: c.healthCheck.timeout,
  HealthyThreshold: c.healthCheck.healthyThreshold,
  UnhealthyThreshold: c.healthCheck.unhealthyThreshold,
});

const networkOf = (c: ServiceConfig): NetworkConfiguration => ({
  EgressConfiguration: { EgressType: c.network.egress as "DEFAULT" | "VPC", ...(c.network.vpcConnectorArn ? { VpcConnectorArn: c.network.vpcConnectorArn } : {}) },
  IngressConfiguration: { IsPubliclyAccessible: c.network.publiclyAccessible },
  IpAddressType: c.network.ipAddressType as "IPV4" | "DUAL_STACK",
});

const observabilityOf = (c: ServiceConfig): ServiceObservabilityConfiguration => ({
  ObservabilityEnabled: c.observability.enabled,
  ...(c.observability.configurationArn ? { ObservabilityConfigurationArn: c.observability.configurationArn } : {}),
});

export function planRollback(target: ServiceConfig, service: Service): RollbackPlan {
  if (!service.ServiceArn) throw new Error("The service has no ARN");
  const current = toServiceConfig(service);
  const live = currentSecrets(service);
  const notes: string[] = [];

  if (current.source.kind !== target.source.kind) {
    throw new Error("This version is a different kind of source (image or code): App Runner cannot switch a service between them.");
  }
  if (target.source.kind === "code") {
    notes.push(`App Runner builds source services from the head of the branch "${target.source.branch}": this restores the configuration, not the code. To get older code back, revert it in the repository and deploy.`);
  } else if (!target.source.imageIdentifier.includes("@sha256:")) {
    notes.push(`The image is named by tag (${target.source.imageIdentifier}): App Runner pulls what the tag points to now. Only an image pinned by digest (@sha256:…) is restored exactly.`);
  }

  // Secrets: an ARN comes back; a value Runway never stored can only be kept as it is now.
  const secrets: Record<string, string> = {};
  for (const [name, ref] of Object.entries(target.secrets)) {
    if (ref) secrets[name] = ref;
    else if (live[name] !== undefined) {
      secrets[name] = live[name];
      if (current.secrets[name] !== ref) notes.push(`Secret ${name}: its earlier reference was not stored, so it keeps its current one.`);
    } else notes.push(`Secret ${name} cannot be restored: Runway never stores secret values and the service no longer has it. Add it again after the rollback.`);
  }
  if (canonicalJson(target.tags) !== canonicalJson(current.tags)) notes.push("Tags are not part of UpdateService and are not restored; edit them on the service if needed.");
  if (target.autoScaling.arn && target.autoScaling.arn !== current.autoScaling.arn) {
    notes.push(`Auto scaling goes back to ${target.autoScaling.name ?? "its"} revision ${target.autoScaling.revision ?? "?"}; if that revision was deleted, App Runner refuses the rollback.`);
  }

  const input: UpdateServiceCommandInput = { ServiceArn: service.ServiceArn };
  const sections: RollbackSection[] = [];
  const differs = (a: unknown, b: unknown) => canonicalJson(a) !== canonicalJson(b);
  const desiredSource = sourceOf(target, secrets);
  if (differs(desiredSource, sourceOf(current, live))) {
    input.SourceConfiguration = desiredSource;
    sections.push("SourceConfiguration");
  }
  if (differs(instanceOf(target), instanceOf(current))) {
    input.InstanceConfiguration = instanceOf(target);
    sections.push("InstanceConfiguration");
  }
  if (differs(healthOf(target), healthOf(current))) {
    input.HealthCheckConfiguration = healthOf(target);
    sections.push("HealthCheckConfiguration");
  }
  if (target.autoScaling.arn && target.autoScaling.arn !== current.autoScaling.arn) {
    input.AutoScalingConfigurationArn = target.autoScaling.arn;
    sections.push("AutoScalingConfigurationArn");
  }
  if (differs(networkOf(target), networkOf(current))) {
    input.NetworkConfiguration = networkOf(target);
    sections.push("NetworkConfiguration");
  }
  if (differs(observabilityOf(target), observabilityOf(current))) {
    input.ObservabilityConfiguration = observabilityOf(target);
    sections.push("ObservabilityConfiguration");
  }
  return { input, sections, notes, redeployOnly: sections.length === 0 && target.source.kind === "image" };
}
