import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { metaFromHeaders } from "@/lib/auth/request-meta";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { exportCatalogYaml } from "@/lib/catalog/export-catalog";

/** Backstage catalog-info.yaml of the whole catalog, or of one entry (?entry=<id>) with its team and system. */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.\n", { status: 401, headers: { "content-type": "text/plain" } });
  const meta = metaFromHeaders(request.headers);
  if (!can(user.role, "read")) {
    await recordAuditEvent({ user, ...meta }, { action: "catalog.export", result: "denied" });
    return new Response("Not allowed.\n", { status: 403 });
  }
  const entry = new URL(request.url).searchParams.get("entry") ?? undefined;
  const yaml = await exportCatalogYaml(entry);
  await recordAuditEvent({ user, ...meta }, { action: "catalog.export", target: entry ?? "catalog", result: "succeeded" });
  return new Response(yaml, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="catalog-info.yaml"`,
      "cache-control": "no-store",
    },
  });
}
