// A tracked operation as stored (prisma TrackedOperation): the row is written when App
// Runner accepts a request and carries what the final audit event needs.
import "server-only";
import type { Db } from "@/lib/db";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { summarize } from "@/lib/audit/redact";
import type { OperationRef } from "./operation-status";

export type TrackedOperationRow = Awaited<ReturnType<Db["trackedOperation"]["findFirstOrThrow"]>>;

export interface TrackOperationInput extends OperationRef {
  actor: AuditActor;
  request?: unknown;
}

interface StoredActor {
  userId: string | null;
  email: string | null;
  role: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** Stores the operation as pending; a no-op if it is already tracked. Returns the row. */
export async function insertTrackedOperation(db: Db, input: TrackOperationInput, firstCheckAt: Date): Promise<TrackedOperationRow> {
  const actor: StoredActor = {
    userId: input.actor.user?.id ?? null,
    email: input.actor.user?.email ?? input.actor.actor ?? null,
    role: input.actor.user?.role ?? null,
    ip: input.actor.ip ?? null,
    userAgent: input.actor.userAgent ?? null,
  };
  return db.trackedOperation.upsert({
    where: { operationId: input.operationId },
    create: {
      operationId: input.operationId,
      action: input.action,
      serviceArn: input.serviceArn,
      connectionId: input.connectionId,
      region: input.region,
      actor: JSON.stringify(actor),
      // Redacted now, so no secret waits in the table for the final event.
      request: input.request === undefined ? null : summarize(input.request),
      nextCheckAt: firstCheckAt,
    },
    update: {},
  });
}

export function actorOf(row: Pick<TrackedOperationRow, "actor">): AuditActor {
  const a = JSON.parse(row.actor) as StoredActor;
  return { user: a.userId && a.email && a.role ? { id: a.userId, email: a.email, role: a.role } : null, actor: a.email, ip: a.ip, userAgent: a.userAgent };
}
