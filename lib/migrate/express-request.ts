// CreateExpressGatewayService's request, as ecs.service-2.json (botocore 1.43) defines it. Written
// out because the console has no ECS client; express-request.test.ts checks every generated
// request against the model itself and against the AWS CLI's own validation.
export interface ExpressKeyValue {
  name: string;
  value: string;
}

export interface ExpressSecret {
  name: string;
  valueFrom: string;
}

export interface ExpressContainer {
  image: string;
  containerPort?: number;
  command?: string[];
  environment?: ExpressKeyValue[];
  secrets?: ExpressSecret[];
}

export type ExpressScalingMetric = "AVERAGE_CPU" | "AVERAGE_MEMORY" | "REQUEST_COUNT_PER_TARGET";

export interface ExpressGatewayServiceRequest {
  executionRoleArn: string;
  infrastructureRoleArn: string;
  serviceName?: string;
  cluster?: string;
  healthCheckPath?: string;
  primaryContainer: ExpressContainer;
  taskRoleArn?: string;
  networkConfiguration?: { securityGroups?: string[]; subnets?: string[] };
  cpu?: string;
  memory?: string;
  scalingTarget?: { minTaskCount?: number; maxTaskCount?: number; autoScalingMetric?: ExpressScalingMetric; autoScalingTargetValue?: number };
  tags?: { key: string; value: string }[];
}

/** ECS tags: 1-128 / 0-256 characters of letters, spaces, digits and _.:/=+-@ (the model's pattern). */
const tagChars = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const isEcsTag = (t: { key: string; value: string }): boolean =>
  t.key.length >= 1 && t.key.length <= 128 && t.value.length <= 256 && tagChars.test(t.key) && tagChars.test(t.value) && !t.key.toLowerCase().startsWith("aws:");

/** Roles the bundle's IAM step creates; the plan's ARNs name them in the service's own account. */
export const EXECUTION_ROLE_NAME = "ecsTaskExecutionRole";
export const INFRASTRUCTURE_ROLE_NAME = "ecsInfrastructureRoleForExpressServices";
export const roleArn = (account: string, name: string): string => `arn:aws:iam::${account}:role/${name}`;

/** Secrets Manager or SSM Parameter Store ARNs: what ECS's valueFrom takes. */
export const isSecretReference = (v: string): boolean => /^arn:aws[a-z-]*:(secretsmanager|ssm):[a-z0-9-]+:\d{12}:/.test(v);
export const secretReferencePlaceholder = (name: string): string => `<ARN of the Secrets Manager secret or SSM parameter for ${name}>`;
