import type { Metadata } from "next";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { getAwsContextOrNull } from "@/lib/aws/clients";
import { PageHeader } from "@/components/ui/page-header";
import { TabSkeleton } from "@/components/services/tab-skeleton";
import { FleetReadinessTable } from "@/components/migrate/fleet-readiness-table";

export const metadata: Metadata = { title: "Migrate" };

export default async function MigratePage() {
  await requireUser("read");
  const ctx = await getAwsContextOrNull();
  return (
    <>
      <PageHeader
        title="Migrate to ECS Express Mode"
        description="AWS closed App Runner to new customers on April 30, 2026 and recommends Amazon ECS Express Mode. Every service with its readiness to move and what it would cost there, from the last 30 days of real usage."
      />
      {ctx ? (
        <Suspense fallback={<TabSkeleton />}>
          <FleetReadinessTable region={ctx.region} />
        </Suspense>
      ) : (
        <p className="surface muted p-4 text-sm">No connection is configured. An admin can add one under Connections.</p>
      )}
    </>
  );
}
