// App Runner today against Express Mode on Fargate (x86 and ARM), from the same measured usage.
// Fargate bills every task for every hour it runs: the task-hours are the instances App Runner
// kept (MinSize provisioned, more when busy), each at the mapped Fargate size.
import { DEFAULT_MONTH_HOURS } from "@/lib/pricing/app-runner-cost";
import type { CostBreakdown } from "@/lib/pricing/cost-breakdown";
import { estimateLcuHours, priceFargate } from "@/lib/pricing/fargate-cost";
import type { PriceFigures } from "@/lib/pricing/price-table";
import type { UsageEstimate } from "@/lib/pricing/usage-estimate";
import { toInstanceSize, type FargateSize } from "./fargate-sizes";

export interface MigrationCost {
  appRunner: CostBreakdown;
  /** null when the region's price table has no Fargate and ALB figures */
  x86: CostBreakdown | null;
  arm: CostBreakdown | null;
  /** Express on x86 minus App Runner, per month (negative: ECS is cheaper) */
  differenceX86: number | null;
  differenceArm: number | null;
  taskHours: number;
  assumptions: string[];
}

export function compareMigrationCost(usage: UsageEstimate, size: FargateSize, prices: PriceFigures, monthHours = DEFAULT_MONTH_HOURS): MigrationCost {
  const scale = usage.hours > 0 ? monthHours / usage.hours : 0;
  const taskHours = (usage.activeInstanceHours + usage.idleInstanceHours) * scale;
  const requests = usage.requests * scale;
  const appRunner = usage.projectedMonth;
  const assumptions = [
    `Tasks: the instances App Runner kept over the ${usage.hours} hours read (MinSize provisioned, more when busy), ${Math.round(taskHours * 10) / 10} task-hours a month at the mapped size.`,
    "Target tracking on requests adds tasks about when App Runner added instances.",
    "The ALB's hours are shared by up to 25 Express services; this service pays its share.",
    "LCUs: every request counted as a new connection (an upper bound). Data transfer is not measured and counted as zero on both sides.",
    "Express Mode itself has no charge beyond the resources it creates. Public IPv4 addresses, NAT gateways and log storage are not counted on either side.",
  ];
  if (!prices.fargate || !prices.alb) {
    return { appRunner, x86: null, arm: null, differenceX86: null, differenceArm: null, taskHours, assumptions: [...assumptions, "The region's price table has no Fargate and ALB figures: add them under Costs → Prices."] };
  }
  const price = (arch: "x86" | "arm") =>
    priceFargate({ size: toInstanceSize(size), arch, taskHours, albHours: monthHours, lcuHours: estimateLcuHours(requests, 0, monthHours), dataOutGb: 0, dataOutPrice: prices.appRunner.dataOutGb }, prices.fargate!, prices.alb!);
  const x86 = price("x86");
  const arm = price("arm");
  return { appRunner, x86, arm, differenceX86: x86.total - appRunner.total, differenceArm: arm.total - appRunner.total, taskHours, assumptions };
}
