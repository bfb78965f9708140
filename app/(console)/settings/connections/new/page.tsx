import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ConnectionForm } from "@/components/connections/connection-form";

export const metadata: Metadata = { title: "Add connection" };

export default async function NewConnectionPage() {
  await requireUser("connections:manage");
  return (
    <>
      <PageHeader title="Add connection" description="Secrets are encrypted at rest and never shown again." />
      <ConnectionForm />
    </>
  );
}
