import "server-only";
import Link from "next/link";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listCatalogRows } from "@/lib/catalog/catalog-entries";
import { parseCatalogQuery } from "@/lib/catalog/catalog-query";
import { listConnections } from "@/lib/connections/connections";
import { db } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { CatalogBrowser } from "@/components/catalog/catalog-browser";
import { SyncButton } from "@/components/catalog/sync-button";
import { syncCatalogAction } from "./actions";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("read");
  const query = parseCatalogQuery(await searchParams);
  const [rows, teams, connections] = await Promise.all([listCatalogRows(), db.team.findMany({ select: { name: true }, orderBy: { name: "asc" } }), listConnections()]);
  const regions = [...new Set([...connections.flatMap((c) => c.regions), ...rows.map((r) => r.region)])].sort();
  const statuses = [...new Set(rows.filter((r) => !r.gone).map((r) => r.status))].sort();
  return (
    <>
      <PageHeader
        title="Catalog"
        description="Every App Runner service of every connection: who owns it, how critical it is, and whether it is ready for production."
        actions={
          <>
            {can(user.role, "catalog:edit") ? <SyncButton action={syncCatalogAction} /> : null}
            <a href="/catalog/export" className={buttonClass("secondary")} download>
              Export YAML
            </a>
            {can(user.role, "teams:manage") ? (
              <Link href="/catalog/import" className={buttonClass("secondary")}>
                Import YAML
              </Link>
            ) : null}
          </>
        }
      />
      <CatalogBrowser rows={rows} initial={query} options={{ teams: teams.map((t) => t.name), connections: connections.map((c) => ({ id: c.id, name: c.name })), regions, statuses }} />
    </>
  );
}
