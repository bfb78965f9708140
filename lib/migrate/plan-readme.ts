// The bundle's README: the plan in words, for someone with a terminal and no Runway.
import { formatUsd } from "@/lib/pricing/money";
import { readinessLabels, type MigrationPlan } from "./build-plan";
import type { MigrationCost } from "./migration-cost";

const money = (n: number | null) => (n === null ? "not priced" : formatUsd(n));
const signed = (n: number | null) => (n === null ? "not priced" : `${n > 0 ? "+" : ""}${formatUsd(n)}`);

export function planReadme(plan: MigrationPlan, cost: MigrationCost | null, createdAt: Date): string {
  const s = plan.service;
  const out: string[] = [
    `# Moving ${s.name} from App Runner to Amazon ECS Express Mode`,
    "",
    `Plan made by Runway on ${createdAt.toISOString().slice(0, 10)} from ${s.arn}.`,
    `Readiness: **${readinessLabels[plan.readiness]}**.`,
    "",
  ];
  if (plan.decisions.length) out.push("## Decide first", "", ...plan.decisions.map((d) => `- ${d}`), "");
  out.push("## What becomes what", "", "| App Runner | ECS Express Mode | Value |", "| --- | --- | --- |");
  for (const r of plan.rows) out.push(`| ${cell(r.appRunner)} | \`${r.ecs}\` | ${cell(r.value)}${r.note ? ` (${cell(r.note)})` : ""} |`);
  out.push("", "## What does not carry over", "");
  for (const g of plan.gaps) out.push(`- **${g.title}** (${g.status === "applies" ? "applies to this service" : g.status === "check" ? "check" : "not used"}): ${g.today} Instead: ${g.replacement}`);
  if (cost) {
    out.push("", "## Monthly cost", "", "| | Per month | Difference |", "| --- | --- | --- |");
    out.push(`| App Runner today | ${money(cost.appRunner.total)} | |`);
    out.push(`| Express Mode, Fargate x86 | ${money(cost.x86?.total ?? null)} | ${signed(cost.differenceX86)} |`);
    out.push(`| Express Mode, Fargate ARM (Graviton) | ${money(cost.arm?.total ?? null)} | ${signed(cost.differenceArm)} |`);
    out.push("", ...cost.assumptions.map((a) => `- ${a}`));
  }
  out.push("", "## Steps", "");
  plan.cutover.forEach((step, i) => {
    out.push(`### ${i + 1}. ${step.title}`, "", step.detail, "", "```sh", ...step.commands, "```", "");
  });
  out.push("Files: `express-service.json` (for `aws ecs create-express-gateway-service --cli-input-json file://express-service.json`), `iam/`" + (plan.image ? ", `Dockerfile`, `image/build-and-push.sh`." : "."), "");
  return out.join("\n");
}

const cell = (t: string) => t.replace(/\|/g, "\\|").replace(/\n/g, " ");
