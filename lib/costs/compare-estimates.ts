// Rows for comparing saved estimates side by side: every input and every cost category, each
// flagged when the estimates disagree on it.
import { categoryLabels, type CostCategory } from "@/lib/pricing/cost-breakdown";
import { formatUsd } from "@/lib/pricing/money";
import type { EstimateDetail } from "@/lib/costs/estimates";

export interface CompareRow {
  label: string;
  values: string[];
  differs: boolean;
  group: "Inputs" | "Costs";
}

const inputLabels: Record<string, string> = {
  region: "Region",
  size: "Instance size (vCPU/GB)",
  minSize: "MinSize",
  avgActive: "Average active",
  peakActive: "Peak active",
  requestsPerMonth: "Requests per month",
  dataOutGb: "GB out",
  autoDeploy: "Automatic deployments",
  buildsPerMonth: "Builds per month",
  minutesPerBuild: "Minutes per build",
  monthHours: "Hours in the month",
  activity: "Active hours a week",
  days: "Days read",
  activeInstanceHours: "Active instance-hours",
  idleInstanceHours: "Idle instance-hours",
  requests: "Requests",
};

function show(key: string, v: unknown): string {
  if (v === undefined || v === null) return "—";
  if (key === "activity" && Array.isArray(v)) return String(v.join("").split("").filter((c) => c === "1").length);
  if (typeof v === "boolean") return v ? "on" : "off";
  if (typeof v === "number") return v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (typeof v === "object" && "vcpu" in v) {
    const s = v as { vcpu: number; memoryGb: number };
    return `${s.vcpu}/${s.memoryGb}`;
  }
  if (typeof v === "object") return "…";
  return String(v);
}

export function compareEstimates(list: EstimateDetail[]): CompareRow[] {
  const rows: CompareRow[] = [];
  const push = (group: CompareRow["group"], label: string, values: string[]) => rows.push({ group, label, values, differs: new Set(values).size > 1 });
  push("Inputs", "Kind", list.map((e) => e.kind));
  push("Inputs", "Service", list.map((e) => e.serviceName ?? "—"));
  const inputs = list.map((e) => (e.latest.inputs ?? {}) as Record<string, unknown>);
  const keys = Object.keys(inputLabels).filter((k) => inputs.some((i) => k in i));
  for (const k of keys) push("Inputs", inputLabels[k] ?? k, inputs.map((i) => show(k, i[k])));
  const cats = (Object.keys(categoryLabels) as CostCategory[]).filter((c) => list.some((e) => e.latest.breakdown.lines.some((l) => l.category === c && l.amount !== 0)));
  for (const c of cats) push("Costs", categoryLabels[c], list.map((e) => formatUsd(e.latest.breakdown.lines.filter((l) => l.category === c).reduce((s, l) => s + l.amount, 0))));
  push("Costs", "Monthly total", list.map((e) => formatUsd(e.latest.monthlyTotal)));
  return rows;
}
