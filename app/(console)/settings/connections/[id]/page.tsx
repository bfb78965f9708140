import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getConnection } from "@/lib/connections/connections";
import { PageHeader } from "@/components/ui/page-header";
import { ConnectionForm } from "@/components/connections/connection-form";
import { TestConnectionButton } from "@/components/connections/test-connection-button";
import { DeleteConnectionButton } from "@/components/connections/delete-connection-button";

export const metadata: Metadata = { title: "Connection" };

export default async function ConnectionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  await requireUser("connections:manage");
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const connection = await getConnection(id);
  if (!connection) notFound();
  return (
    <>
      <div className="mb-2 text-sm">
        <Link href="/settings/connections" className="muted hover:underline">
          ← Connections
        </Link>
      </div>
      <PageHeader title={connection.name} description={connection.kind === "local" ? `Local runtime at ${connection.endpoint}` : "AWS"} />
      {created ? (
        <p role="status" className="mb-3 text-sm text-green-700 dark:text-green-400">
          Connection added.
        </p>
      ) : null}
      <section className="surface mb-6 max-w-2xl p-5">
        <h2 className="mb-1 text-sm font-semibold">Test</h2>
        <p className="muted mb-3 text-xs">Calls App Runner ListServices with this connection&apos;s credentials.</p>
        <TestConnectionButton id={connection.id} regions={connection.regions} defaultRegion={connection.defaultRegion} />
      </section>
      <h2 className="mb-2 text-sm font-semibold">Settings</h2>
      <ConnectionForm connection={connection} />
      <section className="mt-6 max-w-2xl">
        <DeleteConnectionButton id={connection.id} name={connection.name} />
      </section>
    </>
  );
}
