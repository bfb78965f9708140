import "server-only";
import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listCatalogRows } from "@/lib/catalog/catalog-entries";
import { serviceLink } from "@/lib/services/service-view";
import { db } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { AddMemberForm } from "@/components/catalog/team-forms";
import { EntryStatus, ScoreBadge, TierBadge } from "@/components/catalog/catalog-badges";
import { addTeamMemberAction } from "../actions";

export const metadata: Metadata = { title: "Team" };

// Projected monthly cost comes from the cost estimator (lib/pricing, issue #10), built on another
// branch: until it is merged this column and the total show "—". The seam is costOf().
const costOf = (): number | null => null;
const COST_NOTE = "Projected monthly cost appears once the cost estimator is available.";

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("read");
  const { id } = await params;
  const team = await db.team.findUnique({ where: { id }, include: { members: { include: { user: { select: { id: true, name: true, email: true, role: true } } }, orderBy: { createdAt: "asc" } } } });
  if (!team) notFound();
  const rows = await listCatalogRows({ ownerTeamId: id });
  const costs = rows.map(() => costOf());
  const total = costs.every((c) => c === null) ? null : costs.reduce<number>((s, c) => s + (c ?? 0), 0);
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
                    <td title={COST_NOTE}>{costs[i] === null ? "—" : `$${costs[i]!.toFixed(2)}`}</td>
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
                  {total === null ? "—" : `$${total.toFixed(2)}`}
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
