// Form + current service -> UpdateService input carrying only the sections that changed.
// Both sides go through the same form mapping, so fields the form does not know about
// (encryption, observability...) never count as changes and are never sent.
import type { Service, UpdateServiceCommandInput } from "@aws-sdk/client-apprunner";
import { serviceFormSchema, type ServiceForm } from "./service-form-schema";
import { toFormValues, toServiceView } from "./service-view";
import { toHealthCheckConfiguration, toInstanceConfiguration, toSourceConfiguration } from "./to-create-service-input";

export type UpdateSection = "SourceConfiguration" | "InstanceConfiguration" | "HealthCheckConfiguration" | "AutoScalingConfigurationArn";

function currentSecrets(service: Service): Record<string, string> {
  const sc = service.SourceConfiguration;
  return (
    sc?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentSecrets ??
    sc?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues?.RuntimeEnvironmentSecrets ??
    {}
  );
}

/** Secrets left blank on the update form keep the value the service has now (never sent to the browser). */
export function resolveKeptSecrets(form: ServiceForm, service: Service): ServiceForm {
  const secrets = currentSecrets(service);
  return {
    ...form,
    env: form.env.map((v) => (v.secret && v.keep && v.value === "" ? { ...v, value: secrets[v.name] ?? "" } : v)),
  };
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export interface UpdatePlan {
  input: UpdateServiceCommandInput;
  changed: UpdateSection[];
}

export function toUpdateServiceInput(service: Service, submitted: ServiceForm): UpdatePlan {
  if (!service.ServiceArn) throw new Error("The service has no ARN");
  const desired = resolveKeptSecrets(submitted, service);
  const baselineParsed = serviceFormSchema.safeParse(toFormValues(toServiceView(service)));
  const baseline = baselineParsed.success ? resolveKeptSecrets(baselineParsed.data, service) : undefined;

  if (baseline && baseline.source.kind !== desired.source.kind) {
    throw new Error("App Runner cannot switch a service between image and source code");
  }

  const input: UpdateServiceCommandInput = { ServiceArn: service.ServiceArn };
  const changed: UpdateSection[] = [];

  const source = toSourceConfiguration(desired);
  if (!baseline || canonical(source) !== canonical(toSourceConfiguration(baseline))) {
    input.SourceConfiguration = source;
    changed.push("SourceConfiguration");
  }
  const instance = toInstanceConfiguration(desired);
  if (!baseline || canonical(instance) !== canonical(toInstanceConfiguration(baseline))) {
    input.InstanceConfiguration = instance;
    changed.push("InstanceConfiguration");
  }
  const health = toHealthCheckConfiguration(desired.healthCheck);
  if (!baseline || canonical(health) !== canonical(toHealthCheckConfiguration(baseline.healthCheck))) {
    input.HealthCheckConfiguration = health;
    changed.push("HealthCheckConfiguration");
  }
  if (desired.autoScalingConfigurationArn && desired.autoScalingConfigurationArn !== baseline?.autoScalingConfigurationArn) {
    input.AutoScalingConfigurationArn = desired.autoScalingConfigurationArn;
    changed.push("AutoScalingConfigurationArn");
  }
  return { input, changed };
}
