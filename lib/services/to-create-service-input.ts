// Form -> CreateService input. Secrets go to RuntimeEnvironmentSecrets, plain vars to
// RuntimeEnvironmentVariables; empty optional fields are left out so App Runner applies its defaults.
import type {
  CreateServiceCommandInput,
  HealthCheckConfiguration,
  InstanceConfiguration,
  SourceConfiguration,
} from "@aws-sdk/client-apprunner";
import type { EnvVarInput, HealthCheckInput, ServiceForm } from "./service-form-schema";

export function envMaps(env: readonly EnvVarInput[]): {
  variables?: Record<string, string>;
  secrets?: Record<string, string>;
} {
  const variables: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const v of env) (v.secret ? secrets : variables)[v.name] = v.value;
  return {
    ...(Object.keys(variables).length ? { variables } : {}),
    ...(Object.keys(secrets).length ? { secrets } : {}),
  };
}

export function toSourceConfiguration(form: ServiceForm): SourceConfiguration {
  const { variables, secrets } = envMaps(form.env);
  const source = form.source;
  if (source.kind === "image") {
    return {
      ImageRepository: {
        ImageIdentifier: source.imageIdentifier,
        ImageRepositoryType: source.imageRepositoryType,
        ImageConfiguration: {
          Port: String(source.port),
          ...(source.startCommand ? { StartCommand: source.startCommand } : {}),
          ...(variables ? { RuntimeEnvironmentVariables: variables } : {}),
          ...(secrets ? { RuntimeEnvironmentSecrets: secrets } : {}),
        },
      },
      AutoDeploymentsEnabled: form.autoDeploy,
      ...(source.accessRoleArn ? { AuthenticationConfiguration: { AccessRoleArn: source.accessRoleArn } } : {}),
    };
  }
  return {
    CodeRepository: {
      RepositoryUrl: source.repositoryUrl,
      SourceCodeVersion: { Type: "BRANCH", Value: source.branch },
      ...(source.sourceDirectory ? { SourceDirectory: source.sourceDirectory } : {}),
      CodeConfiguration:
        source.configurationSource === "REPOSITORY"
          ? { ConfigurationSource: "REPOSITORY" }
          : {
              ConfigurationSource: "API",
              CodeConfigurationValues: {
                Runtime: source.runtime,
                Port: String(source.port),
                ...(source.buildCommand ? { BuildCommand: source.buildCommand } : {}),
                ...(source.startCommand ? { StartCommand: source.startCommand } : {}),
                ...(variables ? { RuntimeEnvironmentVariables: variables } : {}),
                ...(secrets ? { RuntimeEnvironmentSecrets: secrets } : {}),
              },
            },
    },
    AutoDeploymentsEnabled: form.autoDeploy,
    ...(source.connectionArn ? { AuthenticationConfiguration: { ConnectionArn: source.connectionArn } } : {}),
  };
}

export function toInstanceConfiguration(form: ServiceForm): InstanceConfiguration {
  return {
    Cpu: form.cpu,
    Memory: form.memory,
    ...(form.instanceRoleArn ? { InstanceRoleArn: form.instanceRoleArn } : {}),
  };
}

export function toHealthCheckConfiguration(h: HealthCheckInput): HealthCheckConfiguration {
  return {
    Protocol: h.protocol,
    ...(h.protocol === "HTTP" ? { Path: h.path } : {}),
    Interval: h.interval,
    Timeout: h.timeout,
    HealthyThreshold: h.healthyThreshold,
    UnhealthyThreshold: h.unhealthyThreshold,
  };
}

export function toCreateServiceInput(form: ServiceForm): CreateServiceCommandInput {
  return {
    ServiceName: form.serviceName,
    SourceConfiguration: toSourceConfiguration(form),
    InstanceConfiguration: toInstanceConfiguration(form),
    HealthCheckConfiguration: toHealthCheckConfiguration(form.healthCheck),
    ...(form.autoScalingConfigurationArn ? { AutoScalingConfigurationArn: form.autoScalingConfigurationArn } : {}),
    ...(form.tags.length ? { Tags: form.tags.map((t) => ({ Key: t.key, Value: t.value })) } : {}),
  };
}
