import Link from "next/link";
import type { Metadata } from "next";
import { getAwsContextOrNull } from "@/lib/aws/clients";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listAutoScalingGroups, type AutoScalingGroup } from "@/lib/autoscaling/list-auto-scaling";
import { describeAwsError } from "@/lib/services/aws-error";
import { listServicesInRegion } from "@/lib/services/list-services";
import { servicesTarget } from "@/lib/services/services-client";
import { AwsErrorPanel } from "@/components/services/aws-error-panel";
import { CreateAutoScalingForm } from "@/components/autoscaling/create-auto-scaling-form";
import { RevisionActions } from "@/components/autoscaling/revision-actions";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { applyAutoScalingAction, createAutoScalingAction, deleteAutoScalingAction, setDefaultAutoScalingAction } from "./actions";

export const metadata: Metadata = { title: "Auto scaling" };

export default async function AutoScalingPage() {
  const user = await requireUser("read");
  const ctx = await getAwsContextOrNull();
  if (!ctx) return <p className="surface p-6 text-sm">No connection is configured yet. An admin can add one under Connections.</p>;
  const canOperate = can(user.role, "services:operate");
  const { client, region } = await servicesTarget();
  let groups: AutoScalingGroup[];
  let services: { arn: string; name: string }[] = [];
  try {
    [groups, services] = await Promise.all([listAutoScalingGroups(client), canOperate ? listServicesInRegion(client, region).then((rows) => rows.map((r) => ({ arn: r.arn, name: r.name }))) : Promise.resolve([])]);
  } catch (err) {
    return <AwsErrorPanel what="auto scaling configurations" error={describeAwsError(err)} />;
  }
  return (
    <div className="space-y-4">
      <PageHeader title="Auto scaling" description={`${ctx.connection.name} · ${region} · how many instances each service runs: MaxConcurrency requests per instance, between MinSize and MaxSize instances.`} />
      {canOperate ? <CreateAutoScalingForm action={createAutoScalingAction} names={groups.map((g) => g.name)} /> : null}
      <div className="surface overflow-x-auto">
        <table className="w-full text-sm" aria-label="Auto scaling configurations">
          <thead className="border-b border-[var(--border)] text-left text-xs">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Name</th>
              <th scope="col" className="px-3 py-2 font-medium">Revision</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">MaxConcurrency</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">MinSize</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">MaxSize</th>
              <th scope="col" className="px-3 py-2 font-medium">Services</th>
              {canOperate ? <th scope="col" className="px-3 py-2 font-medium">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {groups.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted px-3 py-4 text-center">No auto scaling configurations in this region.</td>
              </tr>
            ) : null}
            {groups.flatMap((g) =>
              g.revisions.map((r, i) => {
                const label = `${r.name} #${r.revision}`;
                return (
                  <tr key={r.arn} className="border-b border-[var(--border)] align-top last:border-0" data-configuration={label}>
                    <td className="px-3 py-2 font-medium">
                      {i === 0 ? r.name : <span className="sr-only">{r.name}</span>}
                      {i === 0 ? <span className="muted ml-1 text-xs font-normal">({g.revisions.length} revision{g.revisions.length === 1 ? "" : "s"})</span> : null}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      #{r.revision} {r.isDefault ? <Badge tone="blue">default</Badge> : null} {r.latest ? <Badge>latest</Badge> : null}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.maxConcurrency ?? "—"}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.minSize ?? "—"}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.maxSize ?? "—"}</td>
                    <td className="px-3 py-2" data-testid="asc-services">
                      <span className="tabular-nums">{r.services.length}</span>
                      {r.services.length ? ": " : ""}
                      {r.services.map((s, j) => (
                        <span key={s.arn}>
                          {j ? ", " : ""}
                          <Link href={`/services/${s.region}/${s.id}`} className="text-[var(--accent)] hover:underline">
                            {s.name}
                          </Link>
                        </span>
                      ))}
                    </td>
                    {canOperate ? (
                      <td className="px-3 py-2">
                        <RevisionActions arn={r.arn} label={label} isDefault={r.isDefault} services={services} setDefault={setDefaultAutoScalingAction} remove={deleteAutoScalingAction} apply={applyAutoScalingAction} />
                      </td>
                    ) : null}
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
