import Link from "next/link";
import type { Metadata } from "next";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getAwsContextOrNull } from "@/lib/aws/clients";
import { listPriceTables } from "@/lib/costs/price-tables";
import { defaultScenarioValues } from "@/lib/costs/scenario-values";
import { PageHeader } from "@/components/ui/page-header";
import { ScenarioEditor } from "@/components/costs/scenario-editor";
import { saveScenarioAction } from "../actions";

export const metadata: Metadata = { title: "New scenario" };

export default async function NewScenarioPage() {
  const user = await requireUser("read");
  const [tables, ctx] = await Promise.all([listPriceTables(), getAwsContextOrNull()]);
  const region = tables.some((t) => t.region === ctx?.region) ? ctx!.region : "us-east-1";
  return (
    <>
      <p className="muted mb-1 text-xs">
        <Link href="/costs" className="hover:underline">
          Costs
        </Link>{" "}
        / New scenario
      </p>
      <PageHeader title="New scenario" description="Change any figure: the estimate follows as you type." />
      <ScenarioEditor tables={tables} initial={defaultScenarioValues(region)} save={saveScenarioAction} canSave={can(user.role, "estimates:edit")} />
    </>
  );
}
