import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { parseAuditFilters, filtersToParams } from "@/lib/audit/audit-filters";
import { listAuditActions } from "@/lib/audit/audit-events";
import { listAuditRows } from "@/lib/audit/audit-rows";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("read");
  const raw = await searchParams;
  const filters = parseAuditFilters(raw);
  const [{ rows, nextCursor }, actions] = await Promise.all([listAuditRows(filters), listAuditActions()]);
  const rawTimes = { from: typeof raw.from === "string" ? raw.from : undefined, to: typeof raw.to === "string" ? raw.to : undefined };
  const params = filtersToParams(filters, rawTimes);
  const nextParams = new URLSearchParams(params);
  if (nextCursor) nextParams.set("cursor", nextCursor);
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every sign-in, change and operation: who, what, where, and how it ended."
        actions={
          <a href={`/audit/export?${params.toString()}`} className={buttonClass("secondary")} data-testid="audit-export">
            Export CSV
          </a>
        }
      />
      <AuditFilterForm actions={actions} values={{ actor: filters.actor, action: filters.action, result: filters.result, target: filters.target, from: rawTimes.from, to: rawTimes.to }} />
      <AuditTable rows={rows} />
      <div className="mt-3 flex items-center justify-between text-sm">
        {filters.cursor ? (
          <Link href={`/audit?${params.toString()}`} className="text-[var(--accent)]">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextCursor ? (
          <Link href={`/audit?${nextParams.toString()}`} className="text-[var(--accent)]" data-testid="audit-next">
            Older →
          </Link>
        ) : null}
      </div>
    </>
  );
}
