// Who started each of a service's operations from Runway: the audit events of its actions
// carry the App Runner operation id (the watcher's final event always does).
import "server-only";
import { db } from "@/lib/db";

export async function operationStarters(serviceArn: string, limit = 300): Promise<Map<string, string>> {
  const events = await db.auditEvent.findMany({
    where: { target: serviceArn, request: { contains: '"operationId"' }, actor: { not: null } },
    select: { actor: true, request: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const out = new Map<string, string>();
  for (const e of events) {
    try {
      const id = (JSON.parse(e.request ?? "{}") as { operationId?: unknown }).operationId;
      if (typeof id === "string" && e.actor && !out.has(id)) out.set(id, e.actor);
    } catch {
      // A request summary cut at its length cap is not JSON; it names no operation we can use.
    }
  }
  return out;
}
