import Link from "next/link";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { compareEstimates } from "@/lib/costs/compare-estimates";
import { getEstimate, type EstimateDetail } from "@/lib/costs/estimates";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Compare estimates" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ ids?: string | string[] }> }) {
  await requireUser("read");
  const raw = (await searchParams).ids;
  const ids = [...new Set(Array.isArray(raw) ? raw : raw ? [raw] : [])];
  const back = (
    <Link href="/costs" className="hover:underline">
      Costs
    </Link>
  );
  if (ids.length < 2 || ids.length > 3) {
    return (
      <>
        <p className="muted mb-1 text-xs">{back} / Compare</p>
        <PageHeader title="Compare estimates" />
        <p className="surface p-4 text-sm" role="alert">
          Choose two or three estimates to compare (you chose {ids.length}).
        </p>
      </>
    );
  }
  const list = (await Promise.all(ids.map(getEstimate))).filter((e): e is EstimateDetail => !!e);
  const rows = compareEstimates(list);
  return (
    <>
      <p className="muted mb-1 text-xs">{back} / Compare</p>
      <PageHeader title="Compare estimates" description="Rows where the estimates differ are highlighted." />
      <div className="surface overflow-x-auto">
        <table className="data-table" aria-label="Comparison">
          <thead>
            <tr>
              <th />
              {list.map((e) => (
                <th key={e.id} scope="col">
                  <Link href={`/costs/${e.id}`} className="hover:underline">
                    {e.latest.name}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.group}-${r.label}`} data-differs={r.differs ? "true" : undefined} className={r.differs ? "bg-amber-50 dark:bg-amber-900/20" : ""}>
                <th scope="row" className="text-left font-medium">
                  {i === 0 || rows[i - 1]?.group !== r.group ? <span className="muted mr-2 text-xs uppercase">{r.group}</span> : null}
                  {r.label}
                  {r.differs ? <span className="sr-only"> (differs)</span> : null}
                </th>
                {r.values.map((v, j) => (
                  <td key={j} className={`tabular-nums ${r.differs ? "font-semibold" : ""}`}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
