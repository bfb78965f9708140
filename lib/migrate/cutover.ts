// The cutover, in order, each step with the exact AWS CLI command. Commands are built from quoted
// arguments (shellQuote), so a service name or ARN cannot change what the shell runs.
import { shellQuote as q } from "@/lib/services/export-cli-command";

export interface CutoverStep {
  title: string;
  detail: string;
  commands: string[];
}

export interface CutoverInput {
  region: string;
  appRunnerArn: string;
  serviceName: string;
  serviceId: string;
  customDomains: string[];
  hasImageSteps: boolean;
}

/** The Express service's ARN is only known after step 1; the commands read it from a shell variable set there. */
export function cutoverSteps(i: CutoverInput): CutoverStep[] {
  const r = `--region ${q(i.region)}`;
  const domain = i.customDomains[0] ?? "<your domain>";
  const steps: CutoverStep[] = [
    {
      title: "Create the roles",
      detail: "The execution role pulls the image and reads secrets; the infrastructure role lets ECS manage the ALB, target groups and scaling.",
      commands: ["# See iam/ in this bundle for the documents.", "sh iam/create-roles.sh"],
    },
    ...(i.hasImageSteps ? [{ title: "Build and push the image", detail: "From a checkout of the repository, with the Dockerfile at its root.", commands: ["sh image/build-and-push.sh"] }] : []),
    {
      title: "Create the Express service alongside",
      detail: "The App Runner service keeps serving while the new one starts.",
      commands: [
        `EXPRESS_ARN=$(aws ecs create-express-gateway-service ${r} --cli-input-json file://express-service.json --query service.serviceArn --output text)`,
        `aws ecs describe-express-gateway-service ${r} --service-arn "$EXPRESS_ARN" --query 'service.status'`,
      ],
    },
    {
      title: "Check its health",
      detail: "Wait until the service is ACTIVE, then call its endpoint: the health check path must answer 200.",
      commands: [
        `aws ecs describe-express-gateway-service ${r} --service-arn "$EXPRESS_ARN" --query 'service.activeConfigurations[0].ingressPaths[0].endpoint' --output text`,
        `curl -fsS "https://$(aws ecs describe-express-gateway-service ${r} --service-arn "$EXPRESS_ARN" --query 'service.activeConfigurations[0].ingressPaths[0].endpoint' --output text)/"`,
      ],
    },
    {
      title: "Move DNS",
      detail: i.customDomains.length
        ? `Point ${i.customDomains.join(", ")} at the new endpoint (after its certificate is on the ALB), with a short TTL so you can move back.`
        : "Point the name your users call at the new endpoint with a short TTL; without a custom domain, update the clients that call the App Runner URL.",
      commands: [
        `aws route53 change-resource-record-sets --hosted-zone-id '<hosted zone id>' --change-batch ${q(JSON.stringify({ Changes: [{ Action: "UPSERT", ResourceRecordSet: { Name: domain, Type: "CNAME", TTL: 60, ResourceRecords: [{ Value: "<Express endpoint>" }] } }] }))}`,
      ],
    },
    {
      title: "Watch both",
      detail: "Requests should fall on App Runner and rise on ECS; errors should not rise. Keep both until DNS caches expire (at least a day).",
      commands: [
        `aws cloudwatch get-metric-statistics ${r} --namespace AWS/AppRunner --metric-name Requests --dimensions Name=ServiceName,Value=${q(i.serviceName)} Name=ServiceID,Value=${q(i.serviceId)} --statistics Sum --period 300 --start-time "$(date -u -d '-1 hour' +%FT%TZ)" --end-time "$(date -u +%FT%TZ)"`,
        `aws ecs describe-express-gateway-service ${r} --service-arn "$EXPRESS_ARN" --query 'service.status'`,
      ],
    },
    {
      title: "Pause the App Runner service",
      detail: "Paused, it costs nothing and can be resumed if something was missed.",
      commands: [`aws apprunner pause-service ${r} --service-arn ${q(i.appRunnerArn)}`],
    },
    {
      title: "Delete the App Runner service",
      detail: "Once nothing calls it any more. This cannot be undone.",
      commands: [`aws apprunner delete-service ${r} --service-arn ${q(i.appRunnerArn)}`],
    },
  ];
  return steps;
}
