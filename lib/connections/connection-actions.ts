"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { connectionIdInput, connectionInput } from "@/lib/connections/connection-schema";
import { createConnection, deleteConnection, getConnection, updateConnection } from "@/lib/connections/connections";
import { forgetClients } from "@/lib/aws/clients";
import { testConnection } from "@/lib/connections/test-connection";
import { ActionError } from "@/lib/actions/action-result";

export const createConnectionAction = defineAction({ name: "connection.create", permission: "connections:manage", schema: connectionInput }, async (input, ctx) => {
  const c = await createConnection(input);
  ctx.setAuditDetails({ target: c.name, connectionId: c.id });
  revalidatePath("/", "layout");
  redirect(`/settings/connections/${c.id}?created=1`);
});

export const updateConnectionAction = defineAction(
  { name: "connection.update", permission: "connections:manage", schema: z.intersection(connectionIdInput, connectionInput) },
  async (input, ctx) => {
    ctx.setAuditDetails({ target: input.name, connectionId: input.id });
    const c = await updateConnection(input.id, input);
    forgetClients(c.id);
    revalidatePath("/", "layout");
    return { id: c.id, message: "Saved." };
  },
);

export const deleteConnectionAction = defineAction({ name: "connection.delete", permission: "connections:manage", schema: connectionIdInput }, async ({ id }, ctx) => {
  const c = await deleteConnection(id);
  forgetClients(id);
  ctx.setAuditDetails({ target: c.name });
  revalidatePath("/", "layout");
  redirect("/settings/connections?deleted=1");
});

export const testConnectionAction = defineAction(
  { name: "connection.test", permission: "connections:manage", schema: z.object({ id: z.string().min(1), region: z.string().optional() }), audit: false },
  async ({ id, region }, ctx) => {
    const c = await getConnection(id);
    if (!c) throw new ActionError("That connection no longer exists", "not_found");
    const r = region && c.regions.includes(region) ? region : c.defaultRegion;
    const result = await testConnection(id, r);
    await ctx.audit({ target: c.name, connectionId: id, region: r, result: result.ok ? "succeeded" : "failed", error: result.ok ? null : result.message, request: { id, region: r } });
    return result;
  },
);
