import Link from "next/link";
import { Time } from "@/components/ui/time";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getEstimate } from "@/lib/costs/estimates";
import { formatUsd } from "@/lib/pricing/money";
import { estimateScenario } from "@/lib/pricing/scenario";
import { scenarioInputSchema, toScenario } from "@/lib/pricing/scenario-input";
import { PageHeader } from "@/components/ui/page-header";
import { BreakdownTable } from "@/components/costs/breakdown-table";
import { EstimateActions } from "@/components/costs/estimate-actions";
import { ScenarioResults } from "@/components/costs/scenario-results";
import { deleteEstimateAction, duplicateEstimateAction } from "../actions";

export const metadata: Metadata = { title: "Estimate" };

export default async function EstimatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ v?: string }> }) {
  const user = await requireUser("read");
  const { id } = await params;
  const e = await getEstimate(id);
  if (!e) notFound();
  const wanted = Number((await searchParams).v);
  const v = e.versions.find((x) => x.version === wanted) ?? e.latest;
  // Recomputed from the inputs and the prices this version stored: a newer price table never changes it.
  const inputs = e.kind === "scenario" ? scenarioInputSchema.safeParse(v.inputs) : null;
  const scenario = inputs?.success ? estimateScenario(toScenario(inputs.data), v.prices.prices) : null;
  const usage = e.kind === "usage" ? (v.inputs as { days?: number; measured?: string[]; assumed?: string[] }) : null;
  const canEdit = can(user.role, "estimates:edit");
  return (
    <>
      <p className="muted mb-1 text-xs">
        <Link href="/costs" className="hover:underline">
          Costs
        </Link>{" "}
        / {v.name}
      </p>
      <PageHeader
        title={v.name}
        description={
          <>
            {`${e.kind === "usage" ? `Real usage of ${e.serviceName ?? "a service"} over ${usage?.days ?? "?"} days` : "Scenario"} · ${e.region} · version ${v.version} by ${v.author ?? "unknown"} on `}
            <Time value={v.createdAt} />
          </>
        }
        actions={canEdit ? <EstimateActions id={e.id} name={v.name} editable={e.kind === "scenario"} duplicate={duplicateEstimateAction} remove={deleteEstimateAction} /> : null}
      />
      {v.notes ? <p className="surface mb-4 whitespace-pre-wrap p-3 text-sm">{v.notes}</p> : null}
      <p className="muted mb-3 text-xs" data-testid="prices-used">
        Prices used: {v.prices.region} table checked {v.prices.checkedAt} (<a href={v.prices.source} className="underline">{v.prices.source}</a>)
      </p>
      {scenario ? (
        <ScenarioResults estimate={scenario} />
      ) : (
        <div className="space-y-4">
          <p className="text-lg font-semibold" data-testid="monthly-total">
            {formatUsd(v.monthlyTotal)} <span className="muted text-sm font-normal">projected per month</span>
          </p>
          <div className="surface overflow-x-auto">
            <BreakdownTable breakdown={v.breakdown} caption="Projected month" />
          </div>
          {usage?.measured ? <Facts title="Measured" items={usage.measured} /> : null}
          {usage?.assumed ? <Facts title="Assumed" items={usage.assumed} /> : null}
        </div>
      )}
      <section className="mt-6" aria-label="Versions">
        <h2 className="mb-2 text-sm font-semibold">Versions</h2>
        <table className="data-table surface">
          <thead>
            <tr>
              <th>Version</th>
              <th>Name</th>
              <th className="text-right">Monthly total</th>
              <th>Author</th>
              <th>Saved</th>
            </tr>
          </thead>
          <tbody>
            {e.versions.map((x) => (
              <tr key={x.id} aria-current={x.version === v.version ? "true" : undefined}>
                <td>
                  <Link href={`/costs/${e.id}?v=${x.version}`} className="hover:underline">
                    v{x.version}
                  </Link>
                </td>
                <td>{x.name}</td>
                <td className="text-right tabular-nums">{formatUsd(x.monthlyTotal)}</td>
                <td>{x.author ?? "—"}</td>
                <td>
                  <Time value={x.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Facts({ title, items }: { title: string; items: string[] }) {
  return (
    <section className="surface p-3" aria-label={title}>
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      <ul className="list-disc space-y-0.5 pl-5 text-sm">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </section>
  );
}
