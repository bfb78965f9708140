import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { loadServiceUsage, parseDays } from "@/lib/costs/load-service-usage";
import { describeAwsError } from "@/lib/services/aws-error";
import { PageHeader } from "@/components/ui/page-header";
import { AwsErrorPanel } from "@/components/services/aws-error-panel";
import { UsagePanel } from "@/components/costs/usage-panel";
import { saveUsageEstimateAction } from "../../../actions";

export const metadata: Metadata = { title: "Usage estimate" };

export default async function UsagePage({ params, searchParams }: { params: Promise<{ region: string; id: string }>; searchParams: Promise<{ days?: string }> }) {
  const user = await requireUser("read");
  const { region, id } = await params;
  const days = parseDays((await searchParams).days);
  let usage;
  try {
    usage = await loadServiceUsage(region, id, days);
  } catch (err) {
    return <AwsErrorPanel what="this service's usage" error={describeAwsError(err)} />;
  }
  if (!usage) notFound();
  return (
    <>
      <p className="muted mb-1 text-xs">
        <Link href="/costs" className="hover:underline">
          Costs
        </Link>{" "}
        / <Link href={`/services/${region}/${id}`} className="hover:underline">{usage.service.name}</Link> / Usage
      </p>
      <PageHeader title={`${usage.service.name}: cost from real usage`} />
      <UsagePanel usage={usage} basePath={`/costs/usage/${region}/${id}`} save={can(user.role, "estimates:edit") ? saveUsageEstimateAction : undefined} />
    </>
  );
}
