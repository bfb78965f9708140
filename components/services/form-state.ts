// The service form's editing state (strings, both source kinds kept so switching loses
// nothing) and its conversion to the shared schema's input.
import type { ServiceFormInput } from "@/lib/services/service-form-schema";

export interface EnvRow {
  name: string;
  value: string;
  secret: boolean;
  keep: boolean;
}

export interface FormState {
  serviceName: string;
  sourceKind: "image" | "code";
  image: { imageIdentifier: string; imageRepositoryType: "ECR" | "ECR_PUBLIC"; port: string; startCommand: string; accessRoleArn: string };
  code: {
    repositoryUrl: string;
    branch: string;
    sourceDirectory: string;
    connectionArn: string;
    configurationSource: "REPOSITORY" | "API";
    runtime: string;
    buildCommand: string;
    startCommand: string;
    port: string;
  };
  cpu: string;
  memory: string;
  instanceRoleArn: string;
  env: EnvRow[];
  healthCheck: { protocol: "TCP" | "HTTP"; path: string; interval: string; timeout: string; healthyThreshold: string; unhealthyThreshold: string };
  autoScalingConfigurationArn: string;
  autoDeploy: boolean;
  tags: { key: string; value: string }[];
}

export const emptyFormState: FormState = {
  serviceName: "",
  sourceKind: "code",
  image: { imageIdentifier: "", imageRepositoryType: "ECR_PUBLIC", port: "8080", startCommand: "", accessRoleArn: "" },
  code: { repositoryUrl: "", branch: "main", sourceDirectory: "", connectionArn: "", configurationSource: "REPOSITORY", runtime: "NODEJS_22", buildCommand: "", startCommand: "", port: "8080" },
  cpu: "1 vCPU",
  memory: "2 GB",
  instanceRoleArn: "",
  env: [],
  healthCheck: { protocol: "TCP", path: "/", interval: "5", timeout: "2", healthyThreshold: "1", unhealthyThreshold: "5" },
  autoScalingConfigurationArn: "",
  autoDeploy: false,
  tags: [],
};

const str = (v: unknown, fallback = "") => (v === undefined || v === null ? fallback : String(v));

export function fromInput(v: ServiceFormInput): FormState {
  const s = v.source;
  const hc = v.healthCheck;
  return {
    ...emptyFormState,
    serviceName: v.serviceName,
    sourceKind: s.kind,
    image:
      s.kind === "image"
        ? { imageIdentifier: s.imageIdentifier, imageRepositoryType: s.imageRepositoryType, port: str(s.port, "8080"), startCommand: str(s.startCommand), accessRoleArn: str(s.accessRoleArn) }
        : emptyFormState.image,
    code:
      s.kind === "code"
        ? {
            repositoryUrl: s.repositoryUrl,
            branch: s.branch,
            sourceDirectory: str(s.sourceDirectory),
            connectionArn: str(s.connectionArn),
            configurationSource: s.configurationSource,
            runtime: str(s.runtime, "NODEJS_22"),
            buildCommand: str(s.buildCommand),
            startCommand: str(s.startCommand),
            port: str(s.port, "8080"),
          }
        : emptyFormState.code,
    cpu: str(v.cpu, "1 vCPU"),
    memory: str(v.memory, "2 GB"),
    instanceRoleArn: str(v.instanceRoleArn),
    env: (v.env ?? []).map((e) => ({ name: e.name, value: e.value, secret: e.secret ?? false, keep: e.keep ?? false })),
    healthCheck: hc
      ? {
          protocol: hc.protocol === "HTTP" ? "HTTP" : "TCP",
          path: str(hc.path, "/"),
          interval: str(hc.interval, "5"),
          timeout: str(hc.timeout, "2"),
          healthyThreshold: str(hc.healthyThreshold, "1"),
          unhealthyThreshold: str(hc.unhealthyThreshold, "5"),
        }
      : emptyFormState.healthCheck,
    autoScalingConfigurationArn: str(v.autoScalingConfigurationArn),
    autoDeploy: v.autoDeploy ?? false,
    tags: v.tags ?? [],
  };
}

export function toInput(f: FormState): ServiceFormInput {
  return {
    serviceName: f.serviceName,
    source:
      f.sourceKind === "image"
        ? { kind: "image", ...f.image }
        : {
            kind: "code",
            ...f.code,
            runtime: f.code.configurationSource === "API" && f.code.runtime ? (f.code.runtime as never) : undefined,
          },
    cpu: f.cpu as ServiceFormInput["cpu"],
    memory: f.memory,
    instanceRoleArn: f.instanceRoleArn,
    env: f.env,
    healthCheck: f.healthCheck,
    autoScalingConfigurationArn: f.autoScalingConfigurationArn,
    autoDeploy: f.autoDeploy,
    tags: f.tags,
  };
}
