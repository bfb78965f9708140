// The shape every estimate comes out in: lines of quantity × unit price, so each figure on
// screen can say where it came from.
export type CostCategory =
  | "activeVcpu"
  | "activeMemory"
  | "idleMemory"
  | "autoDeploy"
  | "builds"
  | "dataTransfer"
  | "requests"
  | "custom"
  | "fargateVcpu"
  | "fargateMemory"
  | "albShare"
  | "albLcu";

export interface CostLine {
  category: CostCategory;
  label: string;
  quantity: number;
  /** what quantity counts: "vCPU-hours", "GB-hours", "apps", "build-minutes", "GB", "million requests", "item" */
  unit: string;
  unitPrice: number;
  /** quantity × unitPrice, unrounded */
  amount: number;
}

export interface CostBreakdown {
  lines: CostLine[];
  /** sum of the lines, unrounded (round only for display) */
  total: number;
}

export const categoryLabels: Record<CostCategory, string> = {
  activeVcpu: "Active vCPU",
  activeMemory: "Active memory",
  idleMemory: "Idle provisioned memory",
  autoDeploy: "Automatic deployments",
  builds: "Builds",
  dataTransfer: "Data transfer out",
  requests: "Requests",
  custom: "Custom items",
  fargateVcpu: "Fargate vCPU",
  fargateMemory: "Fargate memory",
  albShare: "ALB share (hours)",
  albLcu: "ALB LCUs",
};

export function line(category: CostCategory, quantity: number, unit: string, unitPrice: number, label = categoryLabels[category]): CostLine {
  return { category, label, quantity, unit, unitPrice, amount: quantity * unitPrice };
}

export function breakdown(lines: CostLine[]): CostBreakdown {
  return { lines, total: lines.reduce((s, l) => s + l.amount, 0) };
}

/** Amount per category (for stacked charts), every category present so stacks line up. */
export function amountsByCategory(b: CostBreakdown): Partial<Record<CostCategory, number>> {
  const out: Partial<Record<CostCategory, number>> = {};
  for (const l of b.lines) out[l.category] = (out[l.category] ?? 0) + l.amount;
  return out;
}
