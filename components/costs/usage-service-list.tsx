// Services of the current connection and region, each linking to its usage estimate.
import Link from "next/link";
import { getAwsContextOrNull } from "@/lib/aws/clients";
import { describeAwsError } from "@/lib/services/aws-error";
import { listServicesInRegion } from "@/lib/services/list-services";
import { servicesTarget } from "@/lib/services/services-client";

export async function UsageServiceList() {
  const ctx = await getAwsContextOrNull();
  if (!ctx) return <p className="surface muted p-4 text-sm">No connection is configured yet.</p>;
  let rows;
  try {
    const { client } = await servicesTarget(ctx.region);
    rows = (await listServicesInRegion(client, ctx.region)).filter((r) => r.status !== "DELETED");
  } catch (err) {
    return <p className="surface p-4 text-sm text-red-700 dark:text-red-300">Could not list services: {describeAwsError(err).message}</p>;
  }
  if (rows.length === 0) return <p className="surface muted p-4 text-sm">No services in {ctx.region}.</p>;
  return (
    <ul className="surface divide-y divide-[var(--border)]">
      {rows.map((r) => (
        <li key={r.arn} className="flex items-center justify-between px-3 py-2 text-sm">
          <span>
            {r.name} <span className="muted text-xs">{r.region}</span>
          </span>
          <Link href={`/costs/usage/${r.region}/${r.id}`} className="text-[var(--accent)] hover:underline" aria-label={`Usage estimate for ${r.name}`}>
            Usage estimate
          </Link>
        </li>
      ))}
    </ul>
  );
}
