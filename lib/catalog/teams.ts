// Teams and their members. Admin-only writes (the actions check the role).
import "server-only";
import { db } from "@/lib/db";
import { ActionError, fieldError } from "@/lib/actions/action-result";
import type { z } from "zod";
import type { createTeamInput } from "./catalog-model";

export interface TeamSummary {
  id: string;
  name: string;
  displayName: string | null;
  description: string;
  members: number;
  services: number;
}

export async function listTeams(): Promise<TeamSummary[]> {
  const rows = await db.team.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { members: true, entries: { where: { gone: false } } } } } });
  return rows.map((t) => ({ id: t.id, name: t.name, displayName: t.displayName, description: t.description, members: t._count.members, services: t._count.entries }));
}

export async function createTeam(input: z.output<typeof createTeamInput>) {
  if (await db.team.findUnique({ where: { name: input.name }, select: { id: true } })) throw fieldError("name", `A team named ${input.name} already exists`);
  return db.team.create({ data: { name: input.name, displayName: input.displayName ?? null, description: input.description } });
}

export async function addTeamMember(teamId: string, email: string) {
  const team = await db.team.findUnique({ where: { id: teamId } });
  if (!team) throw new ActionError("That team no longer exists", "not_found");
  const user = await db.user.findFirst({ where: { email: { in: [email.trim(), email.trim().toLowerCase()] } } });
  if (!user) throw fieldError("email", `No user with the email ${email}`);
  await db.teamMember.upsert({ where: { teamId_userId: { teamId, userId: user.id } }, create: { teamId, userId: user.id }, update: {} });
  return { team: team.name, email: user.email };
}

export async function removeTeamMember(teamId: string, userId: string) {
  const m = await db.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, include: { team: true, user: true } });
  if (!m) throw new ActionError("That member is no longer in the team", "not_found");
  await db.teamMember.delete({ where: { teamId_userId: { teamId, userId } } });
  return { team: m.team.name, email: m.user.email };
}

export async function teamIdsOf(userId: string): Promise<Set<string>> {
  const rows = await db.teamMember.findMany({ where: { userId }, select: { teamId: true } });
  return new Set(rows.map((r) => r.teamId));
}
