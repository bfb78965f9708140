// Reading the audit history: newest first, cursor pagination on (createdAt, id).
import "server-only";
import { db, isPostgresUrl } from "@/lib/db";
import { env } from "@/lib/env";
import { auditWhere, type AuditFilters } from "@/lib/audit/audit-filters";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventView {
  id: string;
  createdAt: string;
  actor: string | null;
  role: string | null;
  action: string;
  target: string | null;
  connection: string | null;
  region: string | null;
  result: string;
  error: string | null;
  ip: string | null;
  userAgent: string | null;
  request: string | null;
}

export async function listAuditEvents(filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const rows = await db.auditEvent.findMany({
    where: auditWhere(filters, { postgres: isPostgresUrl(env.databaseUrl) }),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 0 } : {}),
  });
  const page = rows.slice(0, pageSize);
  const next = rows.length > pageSize ? rows[pageSize] : undefined;
  return { events: page.map(toAuditEventView), nextCursor: next?.id ?? null };
}

/** Streams every matching event in batches, for CSV export without loading all rows at once. */
export async function* iterateAuditEvents(filters: AuditFilters, batch = 500): AsyncGenerator<AuditEventView> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: auditWhere(filters, { postgres: isPostgresUrl(env.databaseUrl) }),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: batch,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const r of rows) yield toAuditEventView(r);
    if (rows.length < batch) return;
    cursor = rows[rows.length - 1]?.id;
  }
}

export function toAuditEventView(r: Omit<AuditEventView, "createdAt"> & { createdAt: Date }): AuditEventView {
  return { ...r, createdAt: r.createdAt.toISOString() };
}

/** Every action name recorded so far, for the filter's list. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
