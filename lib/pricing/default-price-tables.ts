// The figures Runway ships (issue #10). Seeded once into the database; admins edit them there.
import type { AlbPrices, AppRunnerPrices, FargatePrices, PriceTable } from "@/lib/pricing/price-table";

const APP_RUNNER_SOURCE = "https://aws.amazon.com/apprunner/pricing/";
const FARGATE_SOURCE = "https://aws.amazon.com/fargate/pricing/";
const CHECKED = "2026-11-30";

// Data out is ordinary EC2 data transfer to the internet (first 10 TB tier); App Runner has
// no per-request charge.
const common = { autoDeployMonth: 1, buildMinute: 0.005, requestsPerMillion: 0, dataOutGb: 0.09 };
const standard: AppRunnerPrices = { vcpuHour: 0.064, gbHour: 0.007, provisionedGbHour: 0.007, ...common };

export const usEast1Fargate: FargatePrices = {
  x86: { vcpuHour: 0.04048, gbHour: 0.004445 },
  arm: { vcpuHour: 0.03238, gbHour: 0.00356 },
};
export const usEast1Alb: AlbPrices = { hour: 0.0225, lcuHour: 0.008, servicesPerAlb: 25 };

const SAME_TIER_NOTE = `Fargate and ALB figures assumed equal to us-east-1's (${FARGATE_SOURCE}, https://aws.amazon.com/elasticloadbalancing/pricing/): confirm for this region.`;

export const defaultPriceTables: PriceTable[] = [
  {
    region: "us-east-1",
    source: APP_RUNNER_SOURCE,
    checkedAt: CHECKED,
    notes: `Fargate and ALB figures from ${FARGATE_SOURCE} and https://aws.amazon.com/elasticloadbalancing/pricing/`,
    prices: { appRunner: standard, fargate: usEast1Fargate, alb: usEast1Alb },
  },
  // Assumption, not checked per region: Fargate and ALB bill us-east-2 and us-west-2 at us-east-1's rates (the same price tier).
  { region: "us-east-2", source: APP_RUNNER_SOURCE, checkedAt: CHECKED, notes: SAME_TIER_NOTE, prices: { appRunner: standard, fargate: usEast1Fargate, alb: usEast1Alb } },
  { region: "us-west-2", source: APP_RUNNER_SOURCE, checkedAt: CHECKED, notes: SAME_TIER_NOTE, prices: { appRunner: standard, fargate: usEast1Fargate, alb: usEast1Alb } },
  { region: "eu-west-1", source: APP_RUNNER_SOURCE, checkedAt: CHECKED, prices: { appRunner: standard } },
  {
    region: "ap-northeast-1",
    source: APP_RUNNER_SOURCE,
    checkedAt: CHECKED,
    notes: "Memory $0.009 per GB-hour checked; the vCPU figure ($0.081) is still to confirm.",
    prices: { appRunner: { ...standard, vcpuHour: 0.081, gbHour: 0.009, provisionedGbHour: 0.009 } },
  },
];
