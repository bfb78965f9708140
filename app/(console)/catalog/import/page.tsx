import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "@/components/catalog/import-form";
import { importCatalogAction } from "../actions";

export const metadata: Metadata = { title: "Import catalog" };

export default async function ImportCatalogPage() {
  await requireUser("teams:manage");
  return (
    <>
      <PageHeader title="Import Backstage catalog" description="Teams come in as Groups, systems as Systems, services as Components keyed by their App Runner ARN." />
      <ImportForm action={importCatalogAction} />
    </>
  );
}
