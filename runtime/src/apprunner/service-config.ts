import type { Json } from "../contracts.js";
import { AwsError } from "../protocol/json-response.js";
import type { ServiceConfig } from "./state.js";

type Obj = { [key: string]: Json };

const CPU_UNITS: Record<string, number> = { "0.25 vCPU": 256, "0.5 vCPU": 512, "1 vCPU": 1024, "2 vCPU": 2048, "4 vCPU": 4096 };
/** App Runner's valid CPU -> memory (MB) pairs. */
const VALID_MEMORY: Record<number, number[]> = {
  256: [512, 1024],
  512: [1024],
  1024: [2048, 3072, 4096],
  2048: [4096, 6144],
  4096: [8192, 10240, 12288],
};

/** Model validation has passed; these are the rules App Runner enforces beyond the model. */
export function checkSourceConfiguration(source: Obj): void {
  const code = source.CodeRepository as Obj | undefined;
  const image = source.ImageRepository as Obj | undefined;
  if (code && image) throw new AwsError("InvalidRequestException", "SourceConfiguration must have exactly one of CodeRepository or ImageRepository, not both");
  if (!code && !image) throw new AwsError("InvalidRequestException", "SourceConfiguration must have exactly one of CodeRepository or ImageRepository");
  const codeConfig = code?.CodeConfiguration as Obj | undefined;
  if (codeConfig?.ConfigurationSource === "API" && !codeConfig.CodeConfigurationValues) {
    throw new AwsError("InvalidRequestException", "CodeConfigurationValues is required when ConfigurationSource is API");
  }
  const port = ((codeConfig?.CodeConfigurationValues as Obj | undefined)?.Port ?? (image?.ImageConfiguration as Obj | undefined)?.Port) as string | undefined;
  if (port !== undefined && !(/^[0-9]+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    throw new AwsError("InvalidRequestException", `Port '${port}' is not a valid port number (1-65535)`);
  }
}

/** "1 vCPU" -> "1024", "2 GB" -> "2048" as App Runner reports them; checks the CPU/memory pair. */
export function normalizeInstance(instance: Obj): Obj {
  const cpuIn = String(instance.Cpu ?? "1024");
  const memIn = String(instance.Memory ?? "2048");
  const cpu = CPU_UNITS[cpuIn] ?? Number(cpuIn);
  const gb = /^([0-9.]+) GB$/.exec(memIn);
  const memory = gb ? Math.round(Number(gb[1]) * 1024) : Number(memIn);
  const valid = VALID_MEMORY[cpu];
  if (!valid?.includes(memory)) {
    const options = Object.entries(VALID_MEMORY)
      .map(([c, ms]) => `${Number(c) / 1024} vCPU: ${ms.map((m) => `${m / 1024} GB`).join("/")}`)
      .join("; ");
    throw new AwsError("InvalidRequestException", `Cpu '${cpuIn}' with Memory '${memIn}' is not a supported combination. Valid pairs: ${options}`);
  }
  const out: Obj = { ...instance, Cpu: String(cpu), Memory: String(memory) };
  return out;
}

export function withHealthDefaults(health: Obj | undefined): Obj {
  const h: Obj = { Protocol: "TCP", Path: "/", Interval: 5, Timeout: 2, HealthyThreshold: 1, UnhealthyThreshold: 5, ...(health ?? {}) };
  return h;
}

export function withNetworkDefaults(network: Obj | undefined): Obj {
  const n = network ?? {};
  return {
    ...n,
    EgressConfiguration: { EgressType: "DEFAULT", ...((n.EgressConfiguration as Obj | undefined) ?? {}) },
    IngressConfiguration: { IsPubliclyAccessible: true, ...((n.IngressConfiguration as Obj | undefined) ?? {}) },
    IpAddressType: (n.IpAddressType as string | undefined) ?? "IPV4",
  };
}

const DEFAULT_PORT = "8080";

export function withSourceDefaults(source: Obj): Obj {
  const out: Obj = { ...source };
  // App Runner turns automatic deployments on by default for code repositories.
  if (out.AutoDeploymentsEnabled === undefined) out.AutoDeploymentsEnabled = Boolean(out.CodeRepository);
  // App Runner's default port, reported back by DescribeService when the request left it out.
  const code = out.CodeRepository as Obj | undefined;
  const codeConfig = code?.CodeConfiguration as Obj | undefined;
  const values = codeConfig?.CodeConfigurationValues as Obj | undefined;
  if (code && codeConfig && values && values.Port === undefined) {
    out.CodeRepository = { ...code, CodeConfiguration: { ...codeConfig, CodeConfigurationValues: { ...values, Port: DEFAULT_PORT } } };
  }
  const image = out.ImageRepository as Obj | undefined;
  if (image && (image.ImageConfiguration as Obj | undefined)?.Port === undefined) {
    out.ImageRepository = { ...image, ImageConfiguration: { ...((image.ImageConfiguration as Obj | undefined) ?? {}), Port: DEFAULT_PORT } };
  }
  return out;
}

/** CreateService input -> stored config (defaults applied, values normalized). */
export function configFromCreate(input: Obj, autoScalingArn: string): ServiceConfig {
  const source = input.SourceConfiguration as Obj;
  checkSourceConfiguration(source);
  const config: ServiceConfig = {
    SourceConfiguration: withSourceDefaults(source),
    InstanceConfiguration: normalizeInstance((input.InstanceConfiguration as Obj | undefined) ?? {}),
    HealthCheckConfiguration: withHealthDefaults(input.HealthCheckConfiguration as Obj | undefined),
    NetworkConfiguration: withNetworkDefaults(input.NetworkConfiguration as Obj | undefined),
    AutoScalingConfigurationArn: autoScalingArn,
  };
  // App Runner reports observability as explicitly off when it was not asked for.
  config.ObservabilityConfiguration = (input.ObservabilityConfiguration as Obj | undefined) ?? { ObservabilityEnabled: false };
  if (input.EncryptionConfiguration) config.EncryptionConfiguration = input.EncryptionConfiguration as Obj;
  return config;
}

/** UpdateService: each structure given replaces or refines the current one; members not given stay as they are. */
export function configFromUpdate(current: ServiceConfig, input: Obj, autoScalingArn: string): ServiceConfig {
  const next: ServiceConfig = structuredClone(current);
  const source = input.SourceConfiguration as Obj | undefined;
  if (source) {
    const merged: Obj = { ...current.SourceConfiguration, ...source };
    if (source.ImageRepository) delete merged.CodeRepository;
    if (source.CodeRepository) delete merged.ImageRepository;
    checkSourceConfiguration(merged);
    next.SourceConfiguration = withSourceDefaults(merged);
  }
  if (input.InstanceConfiguration) next.InstanceConfiguration = normalizeInstance({ ...current.InstanceConfiguration, ...(input.InstanceConfiguration as Obj) });
  if (input.HealthCheckConfiguration) next.HealthCheckConfiguration = withHealthDefaults({ ...current.HealthCheckConfiguration, ...(input.HealthCheckConfiguration as Obj) });
  if (input.NetworkConfiguration) next.NetworkConfiguration = withNetworkDefaults({ ...current.NetworkConfiguration, ...(input.NetworkConfiguration as Obj) });
  if (input.ObservabilityConfiguration) next.ObservabilityConfiguration = input.ObservabilityConfiguration as Obj;
  next.AutoScalingConfigurationArn = autoScalingArn;
  return next;
}

/** True when only the auto scaling configuration changed: applied live, nothing to rebuild. */
export function onlyScalingChanged(a: ServiceConfig, b: ServiceConfig): boolean {
  const strip = (c: ServiceConfig) => JSON.stringify({ ...c, AutoScalingConfigurationArn: "" });
  return strip(a) === strip(b);
}
