import "server-only";
import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listCatalogRows } from "@/lib/catalog/catalog-entries";
import { serviceLink } from "@/lib/services/service-view";
import { db } from "@/lib/db";
import { catalogCosts, type EntryCost } from "@/lib/costs/catalog-cost";
import { FLEET_DAYS } from "@/lib/costs/fleet-cost";
import { formatUsd } from "@/lib/pricing/money";
import { PageHeader } from "@/components/ui/page-header";
import { AddMemberForm } from "@/components/catalog/team-forms";
import { EntryStatus, ScoreBadge, TierBadge } from "@/components/catalog/catalog-badges";
import { addTeamMemberAction } from "../actions";

export const metadata: Metadata = { title: "Team" };

const COST_NOTE = `Projected month from the last ${FLEET_DAYS} days of real usage (CloudWatch ActiveInstances), priced with the region's price table; gone services count as $0.`;

function costOfRow(cost: EntryCost | undefined) {
  if (!cost) return "—";
  if (cost.month === null) return <span title={cost.reason} className="muted">— (unreadable)</span>;
  return formatUsd(cost.month);
}

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("read");
  const { id } = await params;
  const team = await db.team.findUnique({ where: { id }, include: { members: { include: { user: { select: { id: true, name: true, email: true, role: true } } }, orderBy: { createdAt: "asc" } } } });
  if (!team) notFound();
  const rows = await listCatalogRows({ ownerTeamId: id });
  const costs = await catalogCosts(rows);
  const total = costs.every((c) => c.month === null) ? null : costs.reduce<number>((s, c) => s + (c.month ?? 0), 0);
  return (
    <>
      <PageHeader title={team.displayName ?? team.name} description={team.description || `Team ${team.name}`} />
      <div className="grid items-start gap-6 xl:grid-cols-[1fr_360px]">
        <section aria-label="Services" className="surface overflow-x-auto">
          <table className="data-table" data-testid="team-services">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Status</th>
                <th scope="col">URL</th>
                <th scope="col">Tier</th>
                <th scope="col">Readiness</th>
                <th scope="col" title={COST_NOTE}>
                  Monthly cost
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const link = serviceLink(r.url ?? undefined);
                return (
                  <tr key={r.id}>
                    <td>
                      <Link href={`/catalog/${r.id}`} className="font-medium hover:underline">
                        {r.name}
                      </Link>
                    </td>
                    <td>
                      <EntryStatus status={r.status} gone={r.gone} />
                    </td>
                    <td className="text-xs">{link && !r.gone ? <a href={link}>{r.url}</a> : <span className="muted">—</span>}</td>
                    <td>
                      <TierBadge tier={r.tier} />
                    </td>
                    <td>
                      <ScoreBadge score={r.score} />
                    </td>
                    <td className="tabular-nums">{costOfRow(costs[i])}</td>
                  </tr>
                );
              })}
              {!rows.length ? (
                <tr>
                  <td colSpan={6} className="muted text-center">
                    No services yet: set this team as the owner on a catalog entry.
                  </td>
                </tr>
              ) : null}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5} className="text-right">
                  Team total
                </th>
                <td title={COST_NOTE} data-testid="team-total">
                  {total === null ? "—" : formatUsd(total)}
                </td>
              </tr>
            </tfoot>
          </table>
          <p className="muted px-3 pb-2 text-xs">{COST_NOTE}</p>
        </section>
        <div className="space-y-4">
          <section aria-label="Members" className="surface p-4">
            <h2 className="mb-2 text-sm font-semibold">Members</h2>
            <ul className="space-y-1 text-sm" data-testid="team-members">
              {team.members.map((m) => (
                <li key={m.userId}>
                  {m.user.name} <span className="muted">· {m.user.email} · {m.user.role}</span>
                </li>
              ))}
              {!team.members.length ? <li className="muted">No members yet.</li> : null}
            </ul>
          </section>
          {can(user.role, "teams:manage") ? <AddMemberForm teamId={team.id} action={addTeamMemberAction} /> : null}
        </div>
      </div>
    </>
  );
}
