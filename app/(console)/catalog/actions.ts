"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { applyImport, ImportRejected, type ImportOutcome } from "@/lib/catalog/apply-import";
import { planImport } from "@/lib/catalog/backstage-import";
import { EntryEditDenied, updateCatalogEntry } from "@/lib/catalog/catalog-entries";
import { updateEntryInput } from "@/lib/catalog/catalog-model";
import { mirrorEntryTags } from "@/lib/catalog/mirror-tags";
import { resolveArnThroughConnections } from "@/lib/catalog/resolve-arn";
import { syncCatalog } from "@/lib/catalog/sync-catalog";

export const syncCatalogAction = defineAction({ name: "catalog.sync", permission: "catalog:edit", schema: z.object({}) }, async (_input, ctx) => {
  const result = await syncCatalog();
  ctx.setAuditDetails({ target: "catalog", request: result });
  revalidatePath("/catalog");
  return result;
});

export const updateEntryAction = defineAction({ name: "catalog.update_entry", permission: "catalog:edit", schema: updateEntryInput }, async ({ id, ...fields }, ctx) => {
  try {
    const { entry, before, after } = await updateCatalogEntry(ctx.user, id, fields);
    ctx.setAuditDetails({ target: entry.arn, connectionId: entry.connectionId, region: entry.region, request: { before, after } });
    revalidatePath("/catalog");
    revalidatePath(`/catalog/${id}`);
    return { id, name: entry.serviceName };
  } catch (err) {
    // An operator outside the owning team is refused like a missing role: audited as denied.
    if (err instanceof EntryEditDenied) await ctx.audit({ target: id, result: "denied", error: err.message, request: fields });
    throw err;
  }
});

const importInput = z.object({ yaml: z.string().max(5_000_000, "The file is larger than 5 MB").refine((v) => v.trim() !== "", "Choose a catalog-info.yaml file or paste its text") });

export const importCatalogAction = defineAction({ name: "catalog.import", permission: "teams:manage", schema: importInput }, async ({ yaml }, ctx): Promise<ImportOutcome> => {
  const planned = planImport(yaml);
  if (!planned.ok) {
    await ctx.audit({ target: "catalog", result: "failed", error: `${planned.errors.length} problem(s) in the file`, request: { errors: planned.errors.slice(0, 20) } });
    return { ok: false, errors: planned.errors };
  }
  let summary;
  try {
    summary = await applyImport(planned.plan, resolveArnThroughConnections);
  } catch (err) {
    if (!(err instanceof ImportRejected)) throw err;
    await ctx.audit({ target: "catalog", result: "failed", error: err.message, request: { errors: err.errors.slice(0, 20) } });
    return { ok: false, errors: err.errors };
  }
  ctx.setAuditDetails({ target: "catalog", request: summary });
  revalidatePath("/catalog");
  return { ok: true, errors: [], summary };
});

export const mirrorTagsAction = defineAction({ name: "catalog.mirror_tags", permission: "catalog:edit", schema: z.object({ id: z.string().min(1) }) }, async ({ id }, ctx) => {
  const r = await mirrorEntryTags(ctx.user, id);
  ctx.setAuditDetails({ target: r.arn, connectionId: r.connectionId, region: r.region, request: { tags: r.tags } });
  return r;
});
