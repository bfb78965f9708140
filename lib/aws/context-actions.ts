"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction, ActionError } from "@/lib/actions/safe-action";
import { CONNECTION_COOKIE, REGION_COOKIE } from "@/lib/aws/clients";
import { getConnection } from "@/lib/connections/connections";

export const selectAwsContext = defineAction(
  { name: "context.select", permission: "read", schema: z.object({ connectionId: z.string().min(1), region: z.string().min(1) }), audit: false },
  async ({ connectionId, region }) => {
    const c = await getConnection(connectionId);
    if (!c) throw new ActionError("That connection no longer exists", "not_found");
    if (!c.regions.includes(region)) throw new ActionError(`${c.name} has no region ${region}`, "validation");
    const jar = await cookies();
    const opts = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 365 * 86400 };
    jar.set(CONNECTION_COOKIE, c.id, opts);
    jar.set(REGION_COOKIE, region, opts);
    return { connectionId: c.id, region };
  },
);
