// What the planner reads about one App Runner service: DescribeService plus the few reads beside
// it. Plain data, so the planner is pure and unit-tested with hand-written services.
import type { Service } from "@aws-sdk/client-apprunner";
import type { TrafficHour } from "./scaling-target";

export interface PlanInput {
  service: Service;
  /** the service's auto scaling configuration; absent: App Runner's default (1 / 25 / 100) */
  scaling?: { minSize?: number; maxSize?: number; maxConcurrency?: number };
  tags: { key: string; value: string }[];
  customDomains: string[];
  /** subnets and security groups of the VPC connector; null when it could not be read */
  vpcConnector?: { subnets: string[]; securityGroups: string[] } | null;
  /** the repository's apprunner.yaml, for source services configured from the repository */
  apprunnerYaml?: string;
  /** hourly Requests and Concurrency over the period read */
  traffic: TrafficHour[];
}

export const APP_RUNNER_DEFAULT_SCALING = { minSize: 1, maxSize: 25, maxConcurrency: 100 } as const;
