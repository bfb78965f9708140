import Link from "next/link";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listTeams } from "@/lib/catalog/teams";
import { PageHeader } from "@/components/ui/page-header";
import { CreateTeamForm } from "@/components/catalog/team-forms";
import { createTeamAction } from "./actions";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const user = await requireUser("read");
  const teams = await listTeams();
  return (
    <>
      <PageHeader title="Teams" description="Teams own catalog entries. Operators edit the entries of their own teams; admins edit any." />
      <div className="grid items-start gap-6 xl:grid-cols-[1fr_360px]">
        <div className="surface overflow-x-auto">
          {teams.length ? (
            <table className="data-table" data-testid="teams-table">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Description</th>
                  <th scope="col">Members</th>
                  <th scope="col">Services</th>
                </tr>
              </thead>
              <tbody>
                {teams.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <Link href={`/teams/${t.id}`} className="font-medium hover:underline">
                        {t.name}
                      </Link>
                      {t.displayName ? <div className="muted text-xs">{t.displayName}</div> : null}
                    </td>
                    <td>{t.description}</td>
                    <td>{t.members}</td>
                    <td>{t.services}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted p-6 text-center text-sm">No teams yet.{can(user.role, "teams:manage") ? " Create the first one." : " An admin can create them."}</p>
          )}
        </div>
        {can(user.role, "teams:manage") ? <CreateTeamForm action={createTeamAction} /> : null}
      </div>
    </>
  );
}
