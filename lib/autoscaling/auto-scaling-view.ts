// App Runner auto scaling configurations as view models.
import type { AutoScalingConfiguration, AutoScalingConfigurationSummary } from "@aws-sdk/client-apprunner";

export interface AutoScalingView {
  arn: string;
  name: string;
  revision: number;
  latest: boolean;
  isDefault: boolean;
  status: string;
  maxConcurrency?: number;
  minSize?: number;
  maxSize?: number;
  createdAt?: string;
  hasAssociatedService: boolean;
}

export function toAutoScalingView(c: AutoScalingConfiguration | AutoScalingConfigurationSummary): AutoScalingView {
  const full = c as AutoScalingConfiguration;
  return {
    arn: c.AutoScalingConfigurationArn ?? "",
    name: c.AutoScalingConfigurationName ?? "",
    revision: c.AutoScalingConfigurationRevision ?? 0,
    latest: full.Latest ?? false,
    isDefault: c.IsDefault ?? false,
    status: c.Status ?? "",
    maxConcurrency: full.MaxConcurrency,
    minSize: full.MinSize,
    maxSize: full.MaxSize,
    createdAt: c.CreatedAt?.toISOString(),
    hasAssociatedService: c.HasAssociatedService ?? false,
  };
}
