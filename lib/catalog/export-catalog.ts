// Loads the catalog (or one entry with the team and system it refers to) as a snapshot for the
// Backstage export. Gone services are left out: their ARN no longer resolves anywhere.
import "server-only";
import { db } from "@/lib/db";
import { parseTagsJson, type Lifecycle } from "./catalog-model";
import { exportBackstageYaml, type CatalogSnapshot } from "./backstage-export";

export async function loadCatalogSnapshot(entryId?: string): Promise<CatalogSnapshot> {
  const entries = await db.catalogEntry.findMany({
    where: { gone: false, ...(entryId ? { id: entryId } : {}) },
    include: { ownerTeam: { select: { name: true } }, system: { select: { name: true } } },
    orderBy: { serviceName: "asc" },
  });
  const teamNames = new Set(entries.flatMap((e) => (e.ownerTeam ? [e.ownerTeam.name] : [])));
  const systemNames = new Set(entries.flatMap((e) => (e.system ? [e.system.name] : [])));
  const systems = await db.catalogSystem.findMany({ where: entryId ? { name: { in: [...systemNames] } } : {}, include: { ownerTeam: { select: { name: true } } }, orderBy: { name: "asc" } });
  for (const s of systems) if (s.ownerTeam) teamNames.add(s.ownerTeam.name);
  const teams = await db.team.findMany({ where: entryId ? { name: { in: [...teamNames] } } : {}, orderBy: { name: "asc" } });
  return {
    teams: teams.map((t) => ({ name: t.name, displayName: t.displayName, description: t.description })),
    systems: systems.map((s) => ({ name: s.name, description: s.description, owner: s.ownerTeam?.name ?? null })),
    entries: entries.map((e) => ({
      arn: e.arn,
      serviceName: e.serviceName,
      owner: e.ownerTeam?.name,
      tier: e.tier,
      lifecycle: e.lifecycle as Lifecycle,
      description: e.description,
      system: e.system?.name,
      repositoryUrl: e.repositoryUrl ?? undefined,
      runbookUrl: e.runbookUrl ?? undefined,
      dashboardUrl: e.dashboardUrl ?? undefined,
      oncallUrl: e.oncallUrl ?? undefined,
      tags: parseTagsJson(e.tags),
    })),
  };
}

export async function exportCatalogYaml(entryId?: string): Promise<string> {
  return exportBackstageYaml(await loadCatalogSnapshot(entryId));
}
