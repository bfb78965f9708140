"use client";
// What a scenario costs: the total, cost per million requests, the breakdown as a stacked chart
// and a table, and the same workload on the alternatives.
import { AlternativesTable } from "@/components/costs/alternatives-table";
import { BreakdownTable } from "@/components/costs/breakdown-table";
import { LazyCostChart } from "@/components/costs/lazy-cost-chart";
import { amountsByCategory } from "@/lib/pricing/cost-breakdown";
import { formatQuantity, formatUsd } from "@/lib/pricing/money";
import type { ScenarioEstimate } from "@/lib/pricing/scenario";

export function ScenarioResults({ estimate }: { estimate: ScenarioEstimate }) {
  const rows = estimate.alternatives.filter((a) => a.cost).map((a) => ({ label: a.label.replace("ECS Express Mode, ", "ECS Express "), values: amountsByCategory(a.cost!) }));
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <Stat label="App Runner per month" value={formatUsd(estimate.appRunner.total)} testId="monthly-total" />
        <Stat label="Per million requests" value={estimate.costPerMillionRequests === null ? "—" : formatUsd(estimate.costPerMillionRequests, 4)} testId="cost-per-million" />
        <Stat label="Active hours in the month" value={`${formatQuantity(estimate.activeHours)} of ${formatQuantity(estimate.monthHours)}`} testId="active-hours" />
      </div>
      <section className="surface p-3" aria-label="Breakdown chart">
        <h3 className="mb-2 text-sm font-semibold">Monthly cost by item</h3>
        <LazyCostChart rows={rows} title="Monthly cost by item, App Runner and alternatives" />
      </section>
      <section className="surface overflow-x-auto" aria-label="App Runner breakdown">
        <BreakdownTable breakdown={estimate.appRunner} caption="App Runner breakdown" />
      </section>
      <section className="surface overflow-x-auto">
        <AlternativesTable alternatives={estimate.alternatives} />
      </section>
    </div>
  );
}

export function Stat({ label, value, testId, hint }: { label: string; value: string; testId?: string; hint?: string }) {
  return (
    <div className="surface p-3">
      <p className="muted text-xs">{label}</p>
      <p className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
      {hint ? <p className="muted text-xs">{hint}</p> : null}
    </div>
  );
}
