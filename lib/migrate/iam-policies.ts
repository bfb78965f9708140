// The two roles Express Mode needs that App Runner never had, as policy documents and the CLI
// commands that create them. The managed policies are AWS's; the secrets policy is ours.
import { shellQuote } from "@/lib/services/export-cli-command";
import { EXECUTION_ROLE_NAME, INFRASTRUCTURE_ROLE_NAME, isSecretReference, type ExpressGatewayServiceRequest } from "./express-request";

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: Record<string, unknown>[];
}

export interface IamPlan {
  files: Record<string, PolicyDocument>;
  managedPolicies: { role: string; policyArn: string }[];
  commands: string[];
}

const trust = (service: string | string[]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
});

export function iamPlan(request: ExpressGatewayServiceRequest): IamPlan {
  const files: Record<string, PolicyDocument> = {
    "iam/execution-role-trust.json": trust("ecs-tasks.amazonaws.com"),
    "iam/infrastructure-role-trust.json": trust("ecs.amazonaws.com"),
  };
  const managedPolicies = [
    { role: EXECUTION_ROLE_NAME, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" },
    { role: INFRASTRUCTURE_ROLE_NAME, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices" },
  ];
  const q = shellQuote;
  const commands = [
    `aws iam create-role --role-name ${EXECUTION_ROLE_NAME} --assume-role-policy-document file://iam/execution-role-trust.json`,
    `aws iam create-role --role-name ${INFRASTRUCTURE_ROLE_NAME} --assume-role-policy-document file://iam/infrastructure-role-trust.json`,
    ...managedPolicies.map((m) => `aws iam attach-role-policy --role-name ${m.role} --policy-arn ${q(m.policyArn)}`),
  ];
  const refs = (request.primaryContainer.secrets ?? []).map((s) => s.valueFrom).filter(isSecretReference);
  if (refs.length) {
    // The execution role fetches secrets at task start: only these, read-only.
    const sm = refs.filter((r) => r.includes(":secretsmanager:"));
    const ssm = refs.filter((r) => r.includes(":ssm:"));
    files["iam/execution-role-secrets.json"] = {
      Version: "2012-10-17",
      Statement: [
        ...(sm.length ? [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: sm }] : []),
        ...(ssm.length ? [{ Effect: "Allow", Action: ["ssm:GetParameters"], Resource: ssm }] : []),
      ],
    };
    commands.push(`aws iam put-role-policy --role-name ${EXECUTION_ROLE_NAME} --policy-name read-service-secrets --policy-document file://iam/execution-role-secrets.json`);
  }
  if (request.taskRoleArn) {
    // Both principals: the App Runner service keeps running on this role until the cutover ends.
    files["iam/task-role-trust.json"] = trust(["tasks.apprunner.amazonaws.com", "ecs-tasks.amazonaws.com"]);
    const roleName = request.taskRoleArn.split("/").pop() ?? "";
    commands.push(`# The instance role becomes the task role. This replaces its trust policy: merge by hand if other principals use it.`);
    commands.push(`aws iam update-assume-role-policy --role-name ${q(roleName)} --policy-document file://iam/task-role-trust.json`);
  }
  return { files, managedPolicies, commands };
}
