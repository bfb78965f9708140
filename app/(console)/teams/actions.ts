"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { createTeamInput } from "@/lib/catalog/catalog-model";
import { addTeamMember, createTeam, removeTeamMember } from "@/lib/catalog/teams";

export const createTeamAction = defineAction({ name: "team.create", permission: "teams:manage", schema: createTeamInput }, async (input, ctx) => {
  ctx.setAuditDetails({ target: input.name });
  const team = await createTeam(input);
  revalidatePath("/teams");
  return { id: team.id, name: team.name };
});

export const addTeamMemberAction = defineAction(
  { name: "team.add_member", permission: "teams:manage", schema: z.object({ teamId: z.string().min(1), email: z.string().trim().min(1, "Enter the member's email") }) },
  async ({ teamId, email }, ctx) => {
    const r = await addTeamMember(teamId, email);
    ctx.setAuditDetails({ target: r.team, request: { email: r.email } });
    revalidatePath(`/teams/${teamId}`);
    return r;
  },
);

export const removeTeamMemberAction = defineAction(
  { name: "team.remove_member", permission: "teams:manage", schema: z.object({ teamId: z.string().min(1), userId: z.string().min(1) }) },
  async ({ teamId, userId }, ctx) => {
    const r = await removeTeamMember(teamId, userId);
    ctx.setAuditDetails({ target: r.team, request: { email: r.email } });
    revalidatePath(`/teams/${teamId}`);
    return r;
  },
);
