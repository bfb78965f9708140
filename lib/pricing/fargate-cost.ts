// The same workload on ECS (Express Mode or a plain service) on Fargate: every task pays vCPU
// and memory all the time it runs (no cheaper idle state), plus its share of a load balancer.
import type { InstanceSize } from "@/lib/pricing/instance-sizes";
import type { AlbPrices, FargatePrices } from "@/lib/pricing/price-table";
import { breakdown, line, type CostBreakdown } from "@/lib/pricing/cost-breakdown";

export type FargateArch = "x86" | "arm";

export interface FargateUsage {
  size: InstanceSize;
  arch: FargateArch;
  taskHours: number;
  /** hours the shared ALB runs in the period (a month: all of them) */
  albHours: number;
  /** this service's own LCU-hours (its traffic), not shared */
  lcuHours: number;
  dataOutGb: number;
  dataOutPrice: number;
}

export function priceFargate(u: FargateUsage, fargate: FargatePrices, alb: AlbPrices): CostBreakdown {
  const p = fargate[u.arch];
  const arch = u.arch === "arm" ? "ARM" : "x86";
  return breakdown([
    line("fargateVcpu", u.taskHours * u.size.vcpu, "vCPU-hours", p.vcpuHour, `Fargate ${arch} vCPU`),
    line("fargateMemory", u.taskHours * u.size.memoryGb, "GB-hours", p.gbHour, `Fargate ${arch} memory`),
    line("albShare", u.albHours / alb.servicesPerAlb, "ALB-hours", alb.hour, `ALB share (1/${alb.servicesPerAlb} of its hours)`),
    line("albLcu", u.lcuHours, "LCU-hours", alb.lcuHour),
    line("dataTransfer", u.dataOutGb, "GB", u.dataOutPrice),
  ]);
}

/**
 * LCU-hours for a month of traffic. An LCU-hour covers 1 GB processed or 25 new connections a
 * second for an hour; we bill the larger dimension, treating every request as a new connection
 * (an upper bound: keep-alive clients use fewer). Never below 0.
 */
export function estimateLcuHours(requests: number, dataOutGb: number, activeHours: number): number {
  if (activeHours <= 0) return 0;
  const byBytes = dataOutGb;
  const byConnections = requests / (25 * 3600);
  return Math.max(byBytes, byConnections);
}
