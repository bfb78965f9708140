// Reading and editing catalog entries. Who may edit: admins any entry; operators the entries
// their teams own (or unowned ones), and only into a team of theirs (handing a service to
// another team is an admin's call).
import "server-only";
import { db } from "@/lib/db";
import { ActionError, fieldError } from "@/lib/actions/action-result";
import { listConnections } from "@/lib/connections/connections";
import type { SessionUser } from "@/lib/auth/session";
import { parseTagsJson, type EntryFields } from "./catalog-model";
import type { CatalogRow } from "./catalog-query";
import { readinessScore, runReadiness } from "./readiness-rules";
import { parseFacts } from "./service-facts";
import { teamIdsOf } from "./teams";

const withNames = { ownerTeam: { select: { name: true } }, system: { select: { name: true } } } as const;

type EntryWithNames = NonNullable<Awaited<ReturnType<typeof findEntry>>>;
const findEntry = (id: string) => db.catalogEntry.findUnique({ where: { id }, include: withNames });

export function readinessOf(e: Pick<EntryWithNames, "tier" | "lifecycle" | "runbookUrl" | "oncallUrl" | "configFacts"> & { ownerTeam: { name: string } | null }) {
  return runReadiness({ tier: e.tier, lifecycle: e.lifecycle, owner: e.ownerTeam?.name ?? null, runbookUrl: e.runbookUrl, oncallUrl: e.oncallUrl, facts: parseFacts(e.configFacts) });
}

export async function listCatalogRows(where: { ownerTeamId?: string } = {}): Promise<CatalogRow[]> {
  const [rows, connections] = await Promise.all([
    db.catalogEntry.findMany({ where, include: withNames, orderBy: [{ gone: "asc" }, { serviceName: "asc" }] }),
    listConnections(),
  ]);
  const names = new Map(connections.map((c) => [c.id, c.name]));
  return rows.map((e) => ({
    id: e.id,
    arn: e.arn,
    name: e.serviceName,
    description: e.description,
    tags: parseTagsJson(e.tags),
    owner: e.ownerTeam?.name ?? null,
    system: e.system?.name ?? null,
    tier: e.tier,
    lifecycle: e.lifecycle,
    connectionId: e.connectionId,
    connection: names.get(e.connectionId) ?? "(deleted connection)",
    region: e.region,
    status: e.status,
    gone: e.gone,
    url: e.serviceUrl,
    score: readinessScore(readinessOf(e)),
  }));
}

export async function getCatalogEntry(id: string) {
  return findEntry(id);
}
export type CatalogEntryDetail = EntryWithNames;

/** The editable fields of an entry, as the form and the audit's before/after show them. */
export function entryFieldsOf(e: EntryWithNames): EntryFields & { tier?: number } {
  return {
    owner: e.ownerTeam?.name,
    tier: e.tier ?? undefined,
    lifecycle: e.lifecycle as EntryFields["lifecycle"],
    description: e.description,
    system: e.system?.name,
    repositoryUrl: e.repositoryUrl ?? undefined,
    runbookUrl: e.runbookUrl ?? undefined,
    dashboardUrl: e.dashboardUrl ?? undefined,
    oncallUrl: e.oncallUrl ?? undefined,
    tags: parseTagsJson(e.tags),
  };
}

export async function canEditEntry(user: SessionUser, ownerTeamId: string | null): Promise<boolean> {
  if (user.role === "admin") return true;
  if (user.role !== "operator") return false;
  return ownerTeamId === null || (await teamIdsOf(user.id)).has(ownerTeamId);
}

export class EntryEditDenied extends ActionError {
  constructor(message: string) {
    super(message, "forbidden");
  }
}

export async function updateCatalogEntry(user: SessionUser, id: string, fields: EntryFields) {
  const entry = await findEntry(id);
  if (!entry) throw new ActionError("That catalog entry no longer exists", "not_found");
  const team = fields.owner ? await db.team.findUnique({ where: { name: fields.owner } }) : null;
  if (fields.owner && !team) throw fieldError("owner", `No team named ${fields.owner}`);
  if (!(await canEditEntry(user, entry.ownerTeamId))) throw new EntryEditDenied(`Only ${entry.ownerTeam?.name ?? "its team"}'s members or an admin may edit ${entry.serviceName}`);
  if (user.role !== "admin" && team && team.id !== entry.ownerTeamId && !(await teamIdsOf(user.id)).has(team.id)) {
    throw new EntryEditDenied(`You are not in ${team.name}: only an admin may hand a service to another team`);
  }
  const before = entryFieldsOf(entry);
  const updated = await db.$transaction(async (tx) => {
    let systemId: string | null = null;
    if (fields.system) {
      const sys = await tx.catalogSystem.upsert({ where: { name: fields.system }, create: { name: fields.system, ownerTeamId: team?.id ?? null }, update: {} });
      systemId = sys.id;
    }
    return tx.catalogEntry.update({
      where: { id },
      data: {
        ownerTeamId: team?.id ?? null,
        tier: fields.tier ?? null,
        lifecycle: fields.lifecycle,
        description: fields.description,
        systemId,
        repositoryUrl: fields.repositoryUrl ?? null,
        runbookUrl: fields.runbookUrl ?? null,
        dashboardUrl: fields.dashboardUrl ?? null,
        oncallUrl: fields.oncallUrl ?? null,
        tags: JSON.stringify(fields.tags),
      },
      include: withNames,
    });
  });
  return { entry: updated, before, after: entryFieldsOf(updated) };
}
