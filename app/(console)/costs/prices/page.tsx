import Link from "next/link";
import type { Metadata } from "next";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listPriceTables } from "@/lib/costs/price-tables";
import { formatUnitPrice } from "@/lib/pricing/money";
import { priceTableToForm } from "@/lib/pricing/price-table-form";
import { PageHeader } from "@/components/ui/page-header";
import { PriceTableForm } from "@/components/costs/price-table-form";
import { savePriceTableAction } from "../actions";

export const metadata: Metadata = { title: "Price tables" };

export default async function PriceTablesPage() {
  const user = await requireUser("read");
  const tables = await listPriceTables();
  const canEdit = can(user.role, "prices:manage");
  return (
    <>
      <p className="muted mb-1 text-xs">
        <Link href="/costs" className="hover:underline">
          Costs
        </Link>{" "}
        / Price tables
      </p>
      <PageHeader title="Price tables" description="One table per region. Saved estimates keep a copy of the table they were priced with, so edits here never change them." />
      <div className="space-y-4">
        {tables.map((t) => (
          <section key={t.region} className="surface space-y-3 p-4" aria-label={`Prices for ${t.region}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">{t.region}</h2>
              <p className="muted text-xs">
                Checked {t.checkedAt} · <a href={t.source} className="underline">{t.source}</a> · version {t.version}
                {t.updatedBy ? ` · edited by ${t.updatedBy}` : ""}
              </p>
            </div>
            {t.notes ? <p className="text-sm">{t.notes}</p> : null}
            {canEdit ? (
              <details>
                <summary className="cursor-pointer text-sm text-[var(--accent)]">Edit {t.region}</summary>
                <div className="pt-3">
                  <PriceTableForm initial={priceTableToForm(t)} save={savePriceTableAction} title={`Edit ${t.region} prices`} />
                </div>
              </details>
            ) : null}
            <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
              <Item label="vCPU-hour (active)" value={t.prices.appRunner.vcpuHour} />
              <Item label="GB-hour (active)" value={t.prices.appRunner.gbHour} />
              <Item label="GB-hour (provisioned)" value={t.prices.appRunner.provisionedGbHour} />
              <Item label="Automatic deployments / app-month" value={t.prices.appRunner.autoDeployMonth} />
              <Item label="Build minute" value={t.prices.appRunner.buildMinute} />
              <Item label="Data out / GB" value={t.prices.appRunner.dataOutGb} />
              {t.prices.fargate ? (
                <>
                  <Item label="Fargate x86 vCPU-hour" value={t.prices.fargate.x86.vcpuHour} />
                  <Item label="Fargate x86 GB-hour" value={t.prices.fargate.x86.gbHour} />
                  <Item label="Fargate ARM vCPU-hour" value={t.prices.fargate.arm.vcpuHour} />
                  <Item label="Fargate ARM GB-hour" value={t.prices.fargate.arm.gbHour} />
                </>
              ) : null}
              {t.prices.alb ? (
                <>
                  <Item label="ALB hour" value={t.prices.alb.hour} />
                  <Item label="ALB LCU-hour" value={t.prices.alb.lcuHour} />
                  <div>
                    <dt className="muted inline">Services per ALB: </dt>
                    <dd className="inline tabular-nums">{t.prices.alb.servicesPerAlb}</dd>
                  </div>
                </>
              ) : null}
            </dl>
          </section>
        ))}
      </div>
    </>
  );
}

function Item({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt className="muted inline">{label}: </dt>
      <dd className="inline tabular-nums">{formatUnitPrice(value)}</dd>
    </div>
  );
}
