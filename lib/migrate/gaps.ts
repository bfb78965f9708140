// What App Runner does that ECS Express Mode does not, for one service, each with the nearest
// replacement. "applies" when the service uses it, "check" when Runway cannot tell.
import type { PlanInput } from "./plan-input";
import type { ScalingSuggestion } from "./scaling-target";

export type GapStatus = "applies" | "check" | "not-used";

export interface Gap {
  id: "concurrency-scaling" | "auto-deploy" | "pause-resume" | "tcp-health-check" | "private-ingress" | "waf" | "custom-domains" | "observability";
  title: string;
  status: GapStatus;
  /** what this service does today */
  today: string;
  /** the nearest replacement on ECS */
  replacement: string;
}

export function findGaps(input: PlanInput, scaling: ScalingSuggestion): Gap[] {
  const s = input.service;
  const maxConcurrency = input.scaling?.maxConcurrency ?? 100;
  const autoDeploy = s.SourceConfiguration?.AutoDeploymentsEnabled ?? false;
  const tcp = (s.HealthCheckConfiguration?.Protocol ?? "TCP") !== "HTTP";
  const isPrivate = s.NetworkConfiguration?.IngressConfiguration?.IsPubliclyAccessible === false;
  const observability = s.ObservabilityConfiguration?.ObservabilityEnabled ?? false;
  const domains = input.customDomains;
  return [
    {
      id: "concurrency-scaling",
      title: "Concurrency-based scaling",
      status: "applies",
      today: `App Runner adds an instance when one has ${maxConcurrency} requests in flight (MaxConcurrency).`,
      replacement: `Target tracking on REQUEST_COUNT_PER_TARGET with a target of ${scaling.targetValue} requests per task per minute. ${scaling.explanation}`,
    },
    {
      id: "auto-deploy",
      title: "Automatic deployments",
      status: autoDeploy ? "applies" : "not-used",
      today: autoDeploy ? "Every push to the branch (or image tag) deploys." : "Automatic deployments are off.",
      replacement: "A pipeline (CodePipeline, or GitHub Actions) that builds and pushes the image, then runs aws ecs update-express-gateway-service with the new image.",
    },
    {
      id: "pause-resume",
      title: "Pause and resume",
      status: "applies",
      today: "App Runner can pause a service: no instances are billed, the URL stays.",
      replacement: "Express Mode has no pause: scale to a minimum (update-express-gateway-service with a low minTaskCount and maxTaskCount). Tasks that run and the ALB share keep billing.",
    },
    {
      id: "tcp-health-check",
      title: "TCP health check",
      status: tcp ? "applies" : "not-used",
      today: tcp ? "App Runner checks that the port accepts a TCP connection." : `App Runner checks HTTP ${s.HealthCheckConfiguration?.Path ?? "/"}.`,
      replacement: "The ALB checks an HTTP path (healthCheckPath) that must answer 200: add one to the app if it has none.",
    },
    {
      id: "private-ingress",
      title: "Private service (VPC ingress)",
      status: isPrivate ? "applies" : "not-used",
      today: isPrivate ? "The service is reachable only through a VPC interface endpoint." : "The service is public.",
      replacement: "Give Express Mode private subnets only, so its load balancer is internal, and reach it from the VPC (or put a standard ECS service behind an internal ALB).",
    },
    {
      id: "waf",
      title: "AWS WAF web ACL",
      status: "check",
      today: "Runway cannot read WAF associations (they live in the WAFv2 API). Check with aws wafv2 get-web-acl-for-resource --resource-arn <App Runner service ARN>.",
      replacement: "Associate the same web ACL with the Express service's ALB (aws wafv2 associate-web-acl --resource-arn <ALB ARN>).",
    },
    {
      id: "custom-domains",
      title: "Custom domains",
      status: domains.length ? "applies" : "not-used",
      today: domains.length ? `Linked: ${domains.join(", ")}. App Runner manages their certificates.` : "No custom domain is linked.",
      replacement: "Request an ACM certificate for each domain, add it to the ALB's HTTPS listener, and point DNS (CNAME or Route 53 alias) at the ALB.",
    },
    {
      id: "observability",
      title: "Observability (X-Ray tracing)",
      status: observability ? "applies" : "not-used",
      today: observability ? "App Runner sends traces to X-Ray through its observability configuration." : "Tracing is off.",
      replacement: "Logs go to CloudWatch Logs by default; for traces run the AWS Distro for OpenTelemetry collector beside the app (a standard ECS task definition) or send traces from the app's own SDK.",
    },
  ];
}
