// Reads what readiness judges for one service: DescribeService, its auto scaling configuration
// (MinSize/MaxSize are not in DescribeService) and 7 days of utilization.
import { DescribeAutoScalingConfigurationCommand, type AppRunnerClient, type Service } from "@aws-sdk/client-apprunner";
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { describeServiceByArn } from "@/lib/services/describe-service";
import { readUtilizationP95 } from "./read-utilization";
import { toServiceFacts, type ServiceFacts } from "./service-facts";

export async function readServiceFacts(
  appRunner: AppRunnerClient,
  cloudWatch: CloudWatchClient,
  arn: string,
  now = new Date(),
  /** Sees the described service (the sync checks it for drift against its latest version). */
  onDescribed?: (service: Service) => Promise<void>,
): Promise<ServiceFacts> {
  const service = await describeServiceByArn(appRunner, arn);
  await onDescribed?.(service);
  const ascArn = service.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn;
  const [scaling, utilization] = await Promise.all([
    ascArn
      ? appRunner
          .send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: ascArn }))
          .then((o) => ({ minSize: o.AutoScalingConfiguration?.MinSize, maxSize: o.AutoScalingConfiguration?.MaxSize, name: o.AutoScalingConfiguration?.AutoScalingConfigurationName }))
          .catch(() => undefined)
      : Promise.resolve(undefined),
    // Metrics are advisory: a CloudWatch failure leaves the size check without data, not the sync failed.
    readUtilizationP95(cloudWatch, service.ServiceName ?? "", service.ServiceId ?? "", now).catch(() => ({ cpuP95: null, memoryP95: null })),
  ]);
  return toServiceFacts(service, scaling, utilization, now);
}
