// The audit page's rows: one page of events (cursor pagination, as listAuditEvents) folded with
// the events of the same operations just beyond the page's edges, so an operation whose
// "requested" and result fall on two pages shows once, with both times, on its result's page.
import "server-only";
import { db, isPostgresUrl } from "@/lib/db";
import { env } from "@/lib/env";
import { auditWhere, type AuditFilters } from "./audit-filters";
import { AUDIT_PAGE_SIZE, listAuditEvents, toAuditEventView, type AuditEventView } from "./audit-events";
import { foldAuditPage, foldKey, isFoldable, type AuditRow } from "./fold-audit-events";

/** How far beyond each edge to look, per page: an operation's two events sit close together. */
const CONTEXT = 200;

export async function listAuditRows(filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const { events, nextCursor } = await listAuditEvents(filters, pageSize);
  // Only requests (or only denials) have nothing to fold: show each as it is.
  if (filters.result === "requested" || filters.result === "denied") return { rows: events, nextCursor };
  const first = events[0];
  const last = events[events.length - 1];
  const keys = new Map<string, Pick<AuditEventView, "action" | "target" | "actor">>();
  for (const e of events) if (isFoldable(e)) keys.set(foldKey(e), { action: e.action, target: e.target, actor: e.actor });
  if (!first || !last || keys.size === 0) return { rows: events, nextCursor };

  const where = auditWhere(filters, { postgres: isPostgresUrl(env.databaseUrl) });
  const sameKeys = [...keys.values()].map((k) => ({ action: k.action, target: k.target, actor: k.actor }));
  const first0 = new Date(first.createdAt);
  const last0 = new Date(last.createdAt);
  const [newer, older] = await Promise.all([
    // The same operations' events newer than the page (results of its requests), nearest first.
    db.auditEvent.findMany({
      where: { AND: [where, { OR: sameKeys }, { result: { in: ["requested", "succeeded", "failed"] } }, { OR: [{ createdAt: { gt: first0 } }, { createdAt: first0, id: { gt: first.id } }] }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: CONTEXT,
    }),
    // Requests older than the page (the other half of its results), nearest first; a result
    // filter ("succeeded") does not apply to them: such a row still shows when it was requested.
    db.auditEvent.findMany({
      where: { AND: [{ ...where, result: "requested" }, { OR: sameKeys }, { OR: [{ createdAt: { lt: last0 } }, { createdAt: last0, id: { lt: last.id } }] }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: CONTEXT,
    }),
  ]);
  return { rows: foldAuditPage(events, { newer: newer.reverse().map(toAuditEventView), older: older.map(toAuditEventView) }), nextCursor };
}
