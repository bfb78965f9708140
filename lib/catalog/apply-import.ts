// Applies an import plan all or nothing: every cross-reference is checked first (owner teams
// exist or come in the same file; each ARN is already in the catalog or belongs to a
// connection), then teams, systems and entries are written in one transaction.
import "server-only";
import { db } from "@/lib/db";
import { ActionError } from "@/lib/actions/action-result";
import { formatImportError, type ImportError, type ImportPlan } from "./backstage-import";

export interface ResolvedService {
  connectionId: string;
  region: string;
  serviceId: string;
  serviceName: string;
  status: string;
  serviceUrl: string | null;
}

/** Finds which connection an ARN belongs to (DescribeService through each candidate), or null. */
export type ArnResolver = (arn: string) => Promise<ResolvedService | null>;

export class ImportRejected extends ActionError {
  constructor(public readonly errors: ImportError[]) {
    super(`Nothing was imported. ${errors.length === 1 ? "" : `${errors.length} problems; first: `}${formatImportError(errors[0]!)}`, "validation");
  }
}

export interface ImportSummary {
  teams: number;
  systems: number;
  entries: number;
  created: number;
}

/** What the import action answers: the file's problems (nothing changed), or what it applied. */
export interface ImportOutcome {
  ok: boolean;
  errors: ImportError[];
  summary?: ImportSummary;
}

export async function applyImport(plan: ImportPlan, resolve: ArnResolver, now = new Date()): Promise<ImportSummary> {
  const errors: ImportError[] = [];
  const existingTeams = new Set((await db.team.findMany({ select: { name: true } })).map((t) => t.name));
  const teamKnown = (name: string) => existingTeams.has(name) || plan.teams.some((t) => t.name === name);
  for (const s of plan.systems) if (s.owner && !teamKnown(s.owner)) errors.push({ document: s.document, line: s.line, message: `System "${s.name}": unknown team ${s.owner} (no such team, and no Group of that name in the file)` });
  for (const e of plan.entries) if (e.fields.owner && !teamKnown(e.fields.owner)) errors.push({ document: e.document, line: e.line, message: `Component "${e.serviceName}": unknown team ${e.fields.owner} (no such team, and no Group of that name in the file)` });

  const known = new Map((await db.catalogEntry.findMany({ where: { arn: { in: plan.entries.map((e) => e.arn) } }, select: { arn: true } })).map((r) => [r.arn, true]));
  const resolved = new Map<string, ResolvedService>();
  for (const e of plan.entries) {
    if (known.has(e.arn)) continue;
    const r = await resolve(e.arn).catch(() => null);
    if (!r) errors.push({ document: e.document, line: e.line, message: `Component "${e.serviceName}": ${e.arn} belongs to no connection (no connection can describe it)` });
    else resolved.set(e.arn, r);
  }
  if (errors.length) throw new ImportRejected(errors.sort((a, b) => a.document - b.document || a.line - b.line));

  let created = 0;
  await db.$transaction(async (tx) => {
    const teamIds = new Map<string, string>();
    for (const t of plan.teams) {
      const row = await tx.team.upsert({
        where: { name: t.name },
        create: { name: t.name, displayName: t.displayName ?? null, description: t.description },
        update: { displayName: t.displayName ?? null, description: t.description },
      });
      teamIds.set(t.name, row.id);
    }
    const teamId = async (name: string | undefined) => {
      if (!name) return null;
      if (!teamIds.has(name)) teamIds.set(name, (await tx.team.findUniqueOrThrow({ where: { name } })).id);
      return teamIds.get(name)!;
    };
    const systemIds = new Map<string, string>();
    for (const s of plan.systems) {
      const ownerTeamId = await teamId(s.owner);
      const row = await tx.catalogSystem.upsert({ where: { name: s.name }, create: { name: s.name, description: s.description, ownerTeamId }, update: { description: s.description, ownerTeamId } });
      systemIds.set(s.name, row.id);
    }
    for (const e of plan.entries) {
      const f = e.fields;
      const ownerTeamId = await teamId(f.owner);
      let systemId: string | null = null;
      if (f.system) {
        systemId = systemIds.get(f.system) ?? (await tx.catalogSystem.upsert({ where: { name: f.system }, create: { name: f.system, ownerTeamId }, update: {} })).id;
        systemIds.set(f.system, systemId);
      }
      const fields = {
        ownerTeamId,
        tier: f.tier ?? null,
        lifecycle: f.lifecycle,
        description: f.description,
        systemId,
        repositoryUrl: f.repositoryUrl ?? null,
        runbookUrl: f.runbookUrl ?? null,
        dashboardUrl: f.dashboardUrl ?? null,
        oncallUrl: f.oncallUrl ?? null,
        tags: JSON.stringify(f.tags),
      };
      const r = resolved.get(e.arn);
      if (r) {
        await tx.catalogEntry.create({ data: { arn: e.arn, ...r, lastSyncedAt: now, ...fields } });
        created++;
      } else {
        await tx.catalogEntry.update({ where: { arn: e.arn }, data: fields });
      }
    }
  });
  return { teams: plan.teams.length, systems: plan.systems.length, entries: plan.entries.length, created };
}
