// Hand-written DescribeService answers for the planner's tests: one per kind of service.
import type { Service } from "@aws-sdk/client-apprunner";
import type { PlanInput } from "./plan-input";

const arn = (name: string, id: string) => `arn:aws:apprunner:us-east-1:123456789012:service/${name}/${id}`;
const base = (name: string, id: string): Service =>
  ({
    ServiceName: name,
    ServiceId: id,
    ServiceArn: arn(name, id),
    ServiceUrl: `${id}.us-east-1.awsapprunner.com`,
    Status: "RUNNING",
    CreatedAt: new Date("2026-01-01T00:00:00Z"),
    UpdatedAt: new Date("2026-01-01T00:00:00Z"),
    InstanceConfiguration: { Cpu: "1024", Memory: "2048" },
    HealthCheckConfiguration: { Protocol: "HTTP", Path: "/healthz", Interval: 5, Timeout: 2, HealthyThreshold: 1, UnhealthyThreshold: 5 },
    NetworkConfiguration: { EgressConfiguration: { EgressType: "DEFAULT" }, IngressConfiguration: { IsPubliclyAccessible: true } },
    ObservabilityConfiguration: { ObservabilityEnabled: false },
  }) as Service;

export const imageService: PlanInput = {
  service: {
    ...base("web-api", "0123456789abcdef0123456789abcdef"),
    SourceConfiguration: {
      ImageRepository: {
        ImageIdentifier: "public.ecr.aws/nginx/nginx:1.27",
        ImageRepositoryType: "ECR_PUBLIC",
        ImageConfiguration: { Port: "80", RuntimeEnvironmentVariables: { LOG_LEVEL: "info", GREETING: "it's \"quoted\"" }, StartCommand: "nginx -g 'daemon off;'" },
      },
      AutoDeploymentsEnabled: false,
    },
  } as Service,
  scaling: { minSize: 2, maxSize: 10, maxConcurrency: 50 },
  tags: [
    { key: "team", value: "payments" },
    { key: "cost center", value: "42" },
    { key: "bad<tag>", value: "x" },
  ],
  customDomains: [],
  traffic: [{ requests: 36_000, concurrency: 5 }],
};

export const repositoryService: PlanInput = {
  service: {
    ...base("shop-front", "11111111111111111111111111111111"),
    InstanceConfiguration: { Cpu: "0.25 vCPU", Memory: "0.5 GB", InstanceRoleArn: "arn:aws:iam::123456789012:role/shop-front-instance" },
    HealthCheckConfiguration: { Protocol: "TCP" },
    SourceConfiguration: {
      CodeRepository: { RepositoryUrl: "https://github.com/acme/shop-front", SourceCodeVersion: { Type: "BRANCH", Value: "main" }, CodeConfiguration: { ConfigurationSource: "REPOSITORY" } },
      AutoDeploymentsEnabled: true,
    },
  } as Service,
  tags: [],
  customDomains: ["shop.example.com"],
  apprunnerYaml: [
    "version: 1.0",
    "runtime: nodejs22",
    "build:",
    "  commands:",
    "    pre-build:",
    "      - npm ci",
    "    build:",
    "      - npm run build",
    "run:",
    "  command: node dist/server.js",
    "  network:",
    "    port: 3000",
    "  env:",
    "    - name: NODE_ENV",
    "      value: production",
    "  secrets:",
    "    - name: STRIPE_KEY",
    "      value-from: arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe-AbCdEf",
    "",
  ].join("\n"),
  traffic: [],
};

export const vpcService: PlanInput = {
  service: {
    ...base("orders", "22222222222222222222222222222222"),
    InstanceConfiguration: { Cpu: "2 vCPU", Memory: "4 GB" },
    SourceConfiguration: {
      CodeRepository: {
        RepositoryUrl: "https://github.com/acme/orders",
        SourceCodeVersion: { Type: "BRANCH", Value: "release" },
        SourceDirectory: "services/orders",
        CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "PYTHON_311", BuildCommand: "pip install -r requirements.txt", StartCommand: "gunicorn app:app --bind 0.0.0.0:8000", Port: "8000" } },
      },
      AutoDeploymentsEnabled: false,
    },
    NetworkConfiguration: { EgressConfiguration: { EgressType: "VPC", VpcConnectorArn: "arn:aws:apprunner:us-east-1:123456789012:vpcconnector/orders-vpc/1/abc" }, IngressConfiguration: { IsPubliclyAccessible: true } },
  } as Service,
  tags: [{ key: "team", value: "orders" }],
  customDomains: [],
  vpcConnector: { subnets: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], securityGroups: ["sg-0123abcd"] },
  traffic: [],
};

export const secretsService: PlanInput = {
  service: {
    ...base("billing", "33333333333333333333333333333333"),
    SourceConfiguration: {
      ImageRepository: {
        ImageIdentifier: "123456789012.dkr.ecr.us-east-1.amazonaws.com/billing:2026-11-01",
        ImageRepositoryType: "ECR",
        ImageConfiguration: {
          Port: "8080",
          RuntimeEnvironmentVariables: { REGION: "us-east-1" },
          RuntimeEnvironmentSecrets: {
            DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:billing/db-XyZ123",
            API_TOKEN: "arn:aws:ssm:us-east-1:123456789012:parameter/billing/api-token",
            LEGACY: "plain-secret-value-that-must-not-leak",
          },
        },
      },
      AutoDeploymentsEnabled: true,
    },
    ObservabilityConfiguration: { ObservabilityEnabled: true, ObservabilityConfigurationArn: "arn:aws:apprunner:us-east-1:123456789012:observabilityconfiguration/xray/1/abc" },
  } as Service,
  tags: [],
  customDomains: [],
  traffic: [],
};

export const allFixtures = { imageService, repositoryService, vpcService, secretsService };
