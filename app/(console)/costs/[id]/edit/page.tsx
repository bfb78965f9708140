import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getEstimate } from "@/lib/costs/estimates";
import { listPriceTables } from "@/lib/costs/price-tables";
import { valuesFromInputs } from "@/lib/costs/scenario-values";
import { scenarioInputSchema } from "@/lib/pricing/scenario-input";
import { PageHeader } from "@/components/ui/page-header";
import { ScenarioEditor } from "@/components/costs/scenario-editor";
import { saveScenarioAction } from "../../actions";

export const metadata: Metadata = { title: "Edit estimate" };

export default async function EditEstimatePage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("estimates:edit");
  const { id } = await params;
  const [e, tables] = await Promise.all([getEstimate(id), listPriceTables()]);
  if (!e) notFound();
  const inputs = e.kind === "scenario" ? scenarioInputSchema.safeParse(e.latest.inputs) : null;
  return (
    <>
      <p className="muted mb-1 text-xs">
        <Link href="/costs" className="hover:underline">
          Costs
        </Link>{" "}
        / <Link href={`/costs/${id}`} className="hover:underline">{e.latest.name}</Link> / Edit
      </p>
      <PageHeader title={`Edit ${e.latest.name}`} description={`Saving adds version ${e.latest.version + 1}, priced with today's table; version ${e.latest.version} is kept as it is.`} />
      {inputs?.success ? (
        <ScenarioEditor tables={tables} initial={valuesFromInputs(inputs.data)} save={saveScenarioAction} canSave estimateId={id} initialName={e.latest.name} initialNotes={e.latest.notes ?? ""} />
      ) : (
        <p className="surface p-4 text-sm">A real-usage estimate is a reading of CloudWatch: make a new one from the service instead of editing it.</p>
      )}
    </>
  );
}
