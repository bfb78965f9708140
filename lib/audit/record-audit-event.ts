// The one audit writer. It must never break the operation it records: every failure
// here is logged to stderr and swallowed.
import "server-only";
import { db, type Db } from "@/lib/db";
import { summarize } from "@/lib/audit/redact";

export type AuditResult = "requested" | "succeeded" | "failed" | "denied";

export interface AuditActor {
  /** The signed-in user, when there is one. */
  user?: { id: string; email: string; role: string } | null;
  /** Fallback actor name when no user (e.g. the email typed into a failed sign-in). */
  actor?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditEventInput {
  action: string;
  target?: string | null;
  connectionId?: string | null;
  region?: string | null;
  result: AuditResult;
  error?: string | null;
  request?: unknown;
}

export async function recordAuditEvent(ctx: AuditActor, event: AuditEventInput): Promise<void> {
  try {
    await db.auditEvent.create({ data: await auditEventData(db, ctx, event) });
  } catch (err) {
    console.error(`[audit] could not record ${event.action} (${event.result}):`, err instanceof Error ? err.message : err);
  }
}

/**
 * The row recordAuditEvent writes, for callers that must write it inside their own
 * transaction (an operation's final result is recorded together with the state change).
 */
export async function auditEventData(client: Pick<Db, "connection">, ctx: AuditActor, event: AuditEventInput) {
  let connection: string | null = null;
  if (event.connectionId) {
    const c = await client.connection.findUnique({ where: { id: event.connectionId }, select: { name: true } }).catch(() => null);
    connection = c?.name ?? null;
  }
  return {
    actorId: ctx.user?.id ?? null,
    actor: (ctx.user?.email ?? ctx.actor ?? null)?.slice(0, 320) ?? null,
    role: ctx.user?.role ?? null,
    action: event.action.slice(0, 100),
    target: event.target?.slice(0, 2048) ?? null,
    connectionId: event.connectionId ?? null,
    connection,
    region: event.region ?? null,
    result: event.result,
    error: event.error ? event.error.slice(0, 2000) : null,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent?.slice(0, 512) ?? null,
    request: summarize(event.request),
  };
}
