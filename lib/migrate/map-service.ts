// DescribeService -> CreateExpressGatewayService, one App Runner setting per row so the page can
// show what became what. Anything App Runner does not know is a placeholder or a decision, said
// in words; nothing is guessed silently.
import { sizeFromAppRunner } from "@/lib/pricing/instance-sizes";
import { parseApprunnerYaml, type RepositoryConfig } from "./apprunner-yaml";
import { arnParts } from "./arn-parts";
import { baseImageFor, ecrImageUri, generateDockerfile, imageCommands } from "./dockerfile";
import {
  EXECUTION_ROLE_NAME,
  INFRASTRUCTURE_ROLE_NAME,
  isEcsTag,
  isSecretReference,
  roleArn,
  secretReferencePlaceholder,
  type ExpressGatewayServiceRequest,
} from "./express-request";
import { fargateSizeLabel, mapToFargate, type SizeMapping } from "./fargate-sizes";
import { APP_RUNNER_DEFAULT_SCALING, type PlanInput } from "./plan-input";
import { suggestRequestTarget, type ScalingSuggestion } from "./scaling-target";

export interface MappingRow {
  appRunner: string;
  ecs: string;
  value: string;
  note?: string;
}

export interface ImagePlan {
  dockerfile: string;
  commands: string[];
  imageUri: string;
}

export interface ServiceMapping {
  request: ExpressGatewayServiceRequest;
  rows: MappingRow[];
  size: SizeMapping;
  scaling: ScalingSuggestion;
  /** set for source services: how to get an image */
  image?: ImagePlan;
  /** what someone must decide or fill in before the request can be used */
  decisions: string[];
  kind: "image" | "code";
}

const DEFAULT_PORT = 8080;

export function mapService(input: PlanInput): ServiceMapping {
  const s = input.service;
  const name = s.ServiceName ?? "";
  const { region, account } = arnParts(s.ServiceArn ?? "");
  const sc = s.SourceConfiguration ?? {};
  const img = sc.ImageRepository;
  const code = sc.CodeRepository;
  const rows: MappingRow[] = [];
  const decisions: string[] = [];

  // Source: an image as it is, or one we build from the repository.
  let repoConfig: RepositoryConfig | undefined;
  const values = code?.CodeConfiguration?.CodeConfigurationValues;
  if (code && code.CodeConfiguration?.ConfigurationSource === "REPOSITORY") {
    if (input.apprunnerYaml?.trim()) {
      const parsed = parseApprunnerYaml(input.apprunnerYaml);
      if (parsed.ok) repoConfig = parsed.config;
      else decisions.push(parsed.error);
    } else {
      decisions.push("The service reads its build and start commands from the repository's apprunner.yaml: paste that file to generate the Dockerfile.");
    }
  } else if (values) {
    repoConfig = {
      runtime: values.Runtime ?? "",
      buildCommands: values.BuildCommand ? [values.BuildCommand] : [],
      startCommand: values.StartCommand ?? "",
      ...(values.Port ? { port: Number(values.Port) } : {}),
      env: Object.entries(values.RuntimeEnvironmentVariables ?? {}).map(([n, v]) => ({ name: n, value: v })),
      secrets: Object.entries(values.RuntimeEnvironmentSecrets ?? {}).map(([n, v]) => ({ name: n, valueFrom: v })),
    };
  }

  const portText = img?.ImageConfiguration?.Port ?? values?.Port;
  const port = repoConfig?.port ?? (portText && /^\d+$/.test(portText) ? Number(portText) : DEFAULT_PORT);
  rows.push({ appRunner: "Port", ecs: "primaryContainer.containerPort", value: String(port), ...(portText || repoConfig?.port ? {} : { note: `No port set: App Runner's default ${DEFAULT_PORT}.` }) });

  let image: ImagePlan | undefined;
  let imageUri: string;
  if (img) {
    imageUri = img.ImageIdentifier ?? "";
    rows.push({ appRunner: `Image (${img.ImageRepositoryType ?? "ECR"})`, ecs: "primaryContainer.image", value: imageUri });
  } else {
    const repository = name.toLowerCase().replace(/[^a-z0-9._/-]/g, "-");
    const uriParts = { region, account, repository, tag: "latest" };
    imageUri = ecrImageUri(uriParts);
    rows.push({ appRunner: `Source code (${code?.RepositoryUrl ?? "repository"} @ ${code?.SourceCodeVersion?.Value ?? ""})`, ecs: "primaryContainer.image", value: imageUri, note: "Built from the generated Dockerfile and pushed to ECR (see the image steps)." });
    if (repoConfig) {
      if (!repoConfig.startCommand) decisions.push("The service has no start command: the Dockerfile's CMD needs one.");
      if (!baseImageFor(repoConfig.runtime).known) decisions.push(`Runtime ${repoConfig.runtime || "(none)"} has no known base image: choose the Dockerfile's FROM image.`);
      image = {
        dockerfile: generateDockerfile({ serviceName: name, runtime: repoConfig.runtime, buildCommands: repoConfig.buildCommands, startCommand: repoConfig.startCommand, port }),
        commands: imageCommands({ ...uriParts, context: code?.SourceDirectory && code.SourceDirectory !== "/" ? `./${code.SourceDirectory.replace(/^\/+/, "")}` : "." }),
        imageUri,
      };
    }
  }

  const startCommand = img?.ImageConfiguration?.StartCommand;
  if (startCommand) rows.push({ appRunner: "Start command", ecs: "primaryContainer.command", value: `/bin/sh -c ${JSON.stringify(startCommand)}`, note: "Run through a shell as App Runner does; the image needs /bin/sh." });

  // Environment: plain values as they are; secrets only as references, never values.
  const env = img ? Object.entries(img.ImageConfiguration?.RuntimeEnvironmentVariables ?? {}).map(([n, v]) => ({ name: n, value: v })) : (repoConfig?.env ?? []);
  const rawSecrets = img ? Object.entries(img.ImageConfiguration?.RuntimeEnvironmentSecrets ?? {}).map(([n, v]) => ({ name: n, valueFrom: v })) : (repoConfig?.secrets ?? []);
  const secrets = rawSecrets.map((x) => (isSecretReference(x.valueFrom) ? x : { name: x.name, valueFrom: secretReferencePlaceholder(x.name) }));
  const notReferences = rawSecrets.filter((x) => !isSecretReference(x.valueFrom)).map((x) => x.name);
  if (env.length) rows.push({ appRunner: "Environment variables", ecs: "primaryContainer.environment", value: env.map((e) => e.name).join(", ") });
  if (secrets.length) rows.push({ appRunner: "Secret references", ecs: "primaryContainer.secrets[].valueFrom", value: secrets.map((x) => x.name).join(", "), ...(notReferences.length ? { note: `Not an ARN, so not copied: ${notReferences.join(", ")}.` } : {}) });
  if (notReferences.length) decisions.push(`Store ${notReferences.join(", ")} in Secrets Manager or SSM Parameter Store and put the ARN in secrets[].valueFrom.`);

  // Size: the Fargate pair that holds it.
  const from = sizeFromAppRunner(s.InstanceConfiguration?.Cpu, s.InstanceConfiguration?.Memory) ?? { vcpu: 1, memoryGb: 2 };
  const size = mapToFargate(from);
  rows.push({ appRunner: `Instance size (${from.vcpu} vCPU / ${from.memoryGb} GB)`, ecs: "cpu / memory", value: `${size.to.cpu} / ${size.to.memory} (${fargateSizeLabel(size.to)})`, ...(size.note ? { note: size.note } : {}) });

  // Health check: ECS Express checks an HTTP path only.
  const hc = s.HealthCheckConfiguration;
  const httpCheck = hc?.Protocol === "HTTP";
  const healthCheckPath = httpCheck ? hc?.Path || "/" : "/";
  rows.push({ appRunner: `Health check (${hc?.Protocol ?? "TCP"}${httpCheck ? ` ${hc?.Path ?? "/"}` : ""})`, ecs: "healthCheckPath", value: healthCheckPath, ...(httpCheck ? {} : { note: "TCP check: \"/\" is a placeholder; choose a path that answers 200." }) });
  if (!httpCheck) decisions.push("The service uses a TCP health check: choose an HTTP path that answers 200 for healthCheckPath.");

  // Scaling: the same bounds, and a request-count target in place of MaxConcurrency.
  const d = APP_RUNNER_DEFAULT_SCALING;
  const scalingConfig = { minSize: input.scaling?.minSize ?? d.minSize, maxSize: input.scaling?.maxSize ?? d.maxSize, maxConcurrency: input.scaling?.maxConcurrency ?? d.maxConcurrency };
  const scaling = suggestRequestTarget(scalingConfig.maxConcurrency, input.traffic);
  rows.push({ appRunner: `MinSize / MaxSize (${scalingConfig.minSize} / ${scalingConfig.maxSize})`, ecs: "scalingTarget.minTaskCount / maxTaskCount", value: `${scalingConfig.minSize} / ${scalingConfig.maxSize}` });
  rows.push({ appRunner: `MaxConcurrency (${scalingConfig.maxConcurrency})`, ecs: "scalingTarget.autoScalingMetric / autoScalingTargetValue", value: `REQUEST_COUNT_PER_TARGET / ${scaling.targetValue}`, note: scaling.explanation });

  // Network: a VPC connector's subnets and security groups carry over as the tasks' network.
  const connectorArn = s.NetworkConfiguration?.EgressConfiguration?.EgressType === "VPC" ? s.NetworkConfiguration.EgressConfiguration.VpcConnectorArn : undefined;
  let networkConfiguration: ExpressGatewayServiceRequest["networkConfiguration"];
  if (connectorArn) {
    const c = input.vpcConnector;
    networkConfiguration = c ? { subnets: c.subnets, securityGroups: c.securityGroups } : { subnets: ["<subnet-id>"], securityGroups: ["<security-group-id>"] };
    rows.push({ appRunner: "VPC connector", ecs: "networkConfiguration", value: c ? `subnets ${c.subnets.join(", ")}; security groups ${c.securityGroups.join(", ")}` : "placeholders", note: "Express Mode places the load balancer and tasks in these subnets: include subnets that can reach the internet-facing ALB." });
    if (!c) decisions.push(`The VPC connector ${connectorArn} could not be read: fill in networkConfiguration's subnets and security groups.`);
  } else {
    rows.push({ appRunner: "Egress (public)", ecs: "networkConfiguration", value: "omitted: the default VPC" });
  }

  const ecsTags = input.tags.filter(isEcsTag).slice(0, 50);
  const dropped = input.tags.filter((t) => !isEcsTag(t)).map((t) => t.key);
  rows.push({ appRunner: "Tags", ecs: "tags", value: ecsTags.length ? ecsTags.map((t) => `${t.key}=${t.value}`).join(", ") : "none", ...(dropped.length ? { note: `Not valid ECS tags, left out: ${dropped.join(", ")}.` } : {}) });

  const instanceRole = s.InstanceConfiguration?.InstanceRoleArn;
  rows.push({ appRunner: "Instance role", ecs: "taskRoleArn", value: instanceRole ?? "none", ...(instanceRole ? { note: "Its trust policy must allow ecs-tasks.amazonaws.com (see iam/)." } : {}) });
  const executionRoleArn = roleArn(account, EXECUTION_ROLE_NAME);
  const infrastructureRoleArn = roleArn(account, INFRASTRUCTURE_ROLE_NAME);
  rows.push({ appRunner: "(none)", ecs: "executionRoleArn", value: executionRoleArn, note: "Placeholder: created by the IAM step with AmazonECSTaskExecutionRolePolicy." });
  rows.push({ appRunner: "(none)", ecs: "infrastructureRoleArn", value: infrastructureRoleArn, note: "Placeholder: created by the IAM step with AmazonECSInfrastructureRoleforExpressGatewayServices." });

  const request: ExpressGatewayServiceRequest = {
    serviceName: name,
    executionRoleArn,
    infrastructureRoleArn,
    primaryContainer: {
      image: imageUri,
      containerPort: port,
      ...(startCommand ? { command: ["/bin/sh", "-c", startCommand] } : {}),
      ...(env.length ? { environment: env } : {}),
      ...(secrets.length ? { secrets } : {}),
    },
    ...(instanceRole ? { taskRoleArn: instanceRole } : {}),
    healthCheckPath,
    cpu: String(size.to.cpu),
    memory: String(size.to.memory),
    scalingTarget: { minTaskCount: scalingConfig.minSize, maxTaskCount: scalingConfig.maxSize, autoScalingMetric: scaling.metric, autoScalingTargetValue: scaling.targetValue },
    ...(networkConfiguration ? { networkConfiguration } : {}),
    ...(ecsTags.length ? { tags: ecsTags } : {}),
  };
  return { request, rows, size, scaling, ...(image ? { image } : {}), decisions, kind: img ? "image" : "code" };
}
