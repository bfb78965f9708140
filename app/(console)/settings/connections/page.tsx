import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listConnections } from "@/lib/connections/connections";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Connections" };

const credLabel = { default: "Default chain", profile: "Profile", static: "Static keys" } as const;

export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireUser("read");
  const manage = can(user.role, "connections:manage");
  const [connections, { deleted }] = await Promise.all([listConnections(), searchParams]);
  return (
    <>
      <PageHeader
        title="Connections"
        description="Where Runway sends App Runner, CloudWatch and Logs calls: an AWS account or a local runtime."
        actions={
          manage ? (
            <Link href="/settings/connections/new" className={buttonClass("primary")}>
              Add connection
            </Link>
          ) : null
        }
      />
      {deleted ? (
        <p role="status" className="mb-3 text-sm text-green-700 dark:text-green-400">
          Connection deleted.
        </p>
      ) : null}
      {connections.length === 0 ? (
        <div className="surface muted p-8 text-center text-sm">No connections yet.{manage ? " Add one to see services." : " Ask an admin to add one."}</div>
      ) : (
        <div className="surface overflow-x-auto">
          <table className="data-table" data-testid="connections-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Endpoint</th>
                <th>Regions</th>
                <th>Credentials</th>
              </tr>
            </thead>
            <tbody>
              {connections.map((c) => (
                <tr key={c.id}>
                  <td className="font-medium">{manage ? <Link href={`/settings/connections/${c.id}`} className="text-[var(--accent)]">{c.name}</Link> : c.name}</td>
                  <td>
                    <Badge tone={c.kind === "local" ? "blue" : "amber"}>{c.kind === "local" ? "local runtime" : "AWS"}</Badge>
                  </td>
                  <td className="font-mono text-xs">{c.endpoint ?? "AWS regional endpoints"}</td>
                  <td className="text-xs">
                    {c.regions.map((r) => (r === c.defaultRegion ? `${r} (default)` : r)).join(", ")}
                  </td>
                  <td className="text-xs">
                    {credLabel[c.credentialType]}
                    {c.profile ? `: ${c.profile}` : ""}
                    {c.accessKeyId ? `: ${c.accessKeyId}` : ""}
                    {c.roleArn ? <div className="muted break-all">assumes {c.roleArn}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
