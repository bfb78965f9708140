// A what-if scenario: a size, MinSize, a weekly activity pattern and traffic, priced on App
// Runner and, side by side, on the alternatives teams now weigh (App Runner paused when idle,
// ECS Express Mode on Fargate x86/ARM, plain Fargate scaled like App Runner).
import { activeHoursPerWeek, HOURS_PER_WEEK, type WeekGrid } from "@/lib/pricing/activity-pattern";
import { DEFAULT_MONTH_HOURS, priceAppRunner, type CustomItem } from "@/lib/pricing/app-runner-cost";
import type { CostBreakdown } from "@/lib/pricing/cost-breakdown";
import { estimateLcuHours, priceFargate, type FargateArch } from "@/lib/pricing/fargate-cost";
import type { InstanceSize } from "@/lib/pricing/instance-sizes";
import type { PriceFigures } from "@/lib/pricing/price-table";

export interface Scenario {
  size: InstanceSize;
  /** provisioned instances (App Runner MinSize) */
  minSize: number;
  activity: WeekGrid;
  /** instances serving during active hours, on average and at the peak */
  avgActive: number;
  peakActive: number;
  requestsPerMonth: number;
  dataOutGb: number;
  autoDeploy: boolean;
  buildsPerMonth: number;
  minutesPerBuild: number;
  customItems?: CustomItem[];
  monthHours?: number;
}

export interface Alternative {
  id: "apprunner" | "apprunner-paused" | "express-x86" | "express-arm" | "fargate-scaled";
  label: string;
  /** what this column assumes, in a sentence */
  assumption: string;
  cost: CostBreakdown | null;
  /** why there is no figure (e.g. no Fargate prices for the region) */
  unavailable?: string;
}

export interface ScenarioEstimate {
  monthHours: number;
  activeHours: number;
  idleHours: number;
  appRunner: CostBreakdown;
  /** USD per million requests, null with no requests */
  costPerMillionRequests: number | null;
  alternatives: Alternative[];
}

export function hoursInMonth(s: Scenario): { monthHours: number; activeHours: number; idleHours: number } {
  const monthHours = s.monthHours ?? DEFAULT_MONTH_HOURS;
  const activeHours = (activeHoursPerWeek(s.activity) / HOURS_PER_WEEK) * monthHours;
  return { monthHours, activeHours, idleHours: monthHours - activeHours };
}

export function estimateScenario(s: Scenario, prices: PriceFigures): ScenarioEstimate {
  const { monthHours, activeHours, idleHours } = hoursInMonth(s);
  const common = { size: s.size, autoDeploy: s.autoDeploy, builds: s.buildsPerMonth, minutesPerBuild: s.minutesPerBuild, dataOutGb: s.dataOutGb, requests: s.requestsPerMonth, customItems: s.customItems, monthFraction: monthHours / DEFAULT_MONTH_HOURS };
  // Provisioned instances beyond those serving are billed for memory; outside active hours all
  // MinSize instances sit idle.
  const idleDuringActive = Math.max(0, s.minSize - s.avgActive) * activeHours;
  const appRunner = priceAppRunner({ ...common, activeInstanceHours: s.avgActive * activeHours, idleInstanceHours: idleDuringActive + s.minSize * idleHours }, prices.appRunner);
  const paused = priceAppRunner({ ...common, activeInstanceHours: s.avgActive * activeHours, idleInstanceHours: idleDuringActive }, prices.appRunner);

  const alternatives: Alternative[] = [
    { id: "apprunner", label: "App Runner", assumption: `MinSize ${s.minSize} provisioned all month, ${fmt(s.avgActive)} active on average in active hours.`, cost: appRunner },
    { id: "apprunner-paused", label: "App Runner, paused when idle", assumption: "Paused outside the active hours (a paused service is not billed for instances).", cost: paused },
  ];
  const fargateTasksAlways = Math.max(s.minSize, s.avgActive) * activeHours + s.minSize * idleHours;
  const fargateScaled = s.avgActive * activeHours;
  const fargate = (id: Alternative["id"], label: string, arch: FargateArch, taskHours: number, assumption: string): Alternative => {
    if (!prices.fargate || !prices.alb) return { id, label, assumption, cost: null, unavailable: "No Fargate or ALB prices in this region's price table." };
    const lcuHours = estimateLcuHours(s.requestsPerMonth, s.dataOutGb, activeHours);
    return { id, label, assumption, cost: priceFargate({ size: s.size, arch, taskHours, albHours: monthHours, lcuHours, dataOutGb: s.dataOutGb, dataOutPrice: prices.appRunner.dataOutGb }, prices.fargate, prices.alb) };
  };
  const albNote = prices.alb ? `, plus 1/${prices.alb.servicesPerAlb} of an ALB's hours and its own LCUs` : "";
  alternatives.push(
    fargate("express-x86", "ECS Express Mode, Fargate x86", "x86", fargateTasksAlways, `Always on at MinSize ${s.minSize} (more tasks while more are active)${albNote}. No build or deployment fees counted.`),
    fargate("express-arm", "ECS Express Mode, Fargate ARM", "arm", fargateTasksAlways, `As x86, on Graviton (the image must build for arm64)${albNote}.`),
    fargate("fargate-scaled", "Fargate scaled like App Runner", "x86", fargateScaled, `Tasks follow the active instances and stop outside the active hours${albNote}.`),
  );
  return {
    monthHours,
    activeHours,
    idleHours,
    appRunner,
    costPerMillionRequests: s.requestsPerMonth > 0 ? appRunner.total / (s.requestsPerMonth / 1_000_000) : null,
    alternatives,
  };
}

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
