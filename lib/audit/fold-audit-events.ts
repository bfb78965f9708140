// One row per operation on the audit page: an operation writes "requested" when App Runner
// accepts it and its final result when it ends (lib/operations/). Pure, newest first. A page of
// events is folded with the same operations' events just beyond its edges (foldAuditPage), so a
// pair split across two pages still shows as one row, on the page of its result.
import type { AuditEventView } from "./audit-events";

export interface AuditRow extends AuditEventView {
  /** When the operation that ended in this row was requested. */
  requestedAt?: string;
}

const operationIdOf = (e: AuditEventView): string | undefined => {
  try {
    const r = e.request ? (JSON.parse(e.request) as { operationId?: unknown }) : undefined;
    return typeof r?.operationId === "string" ? r.operationId : undefined;
  } catch {
    return undefined;
  }
};

export function foldAuditEvents(events: readonly AuditEventView[]): AuditRow[] {
  const folded = new Set<number>();
  const rows: AuditRow[] = [];
  events.forEach((e, i) => {
    if (folded.has(i)) return;
    if ((e.result === "succeeded" || e.result === "failed") && e.target) {
      const op = operationIdOf(e);
      // The nearest older "requested" of the same action on the same target by the same actor
      // (with the same operation id when both name one).
      for (let j = i + 1; j < events.length; j++) {
        const r = events[j];
        if (!r || folded.has(j) || r.result !== "requested" || r.action !== e.action || r.target !== e.target || r.actor !== e.actor) continue;
        const rop = operationIdOf(r);
        if (op && rop && op !== rop) continue;
        folded.add(j);
        rows.push({ ...e, requestedAt: r.createdAt });
        return;
      }
    }
    rows.push(e);
  });
  return rows;
}

/** The events that can fold together share these: the same action on the same target by the same actor. */
export const foldKey = (e: Pick<AuditEventView, "action" | "target" | "actor">): string => JSON.stringify([e.action, e.target, e.actor]);

/** Whether an event can be one half of a folded row. */
export const isFoldable = (e: AuditEventView): boolean => Boolean(e.target) && (e.result === "requested" || e.result === "succeeded" || e.result === "failed");

/**
 * The rows of one page. `newer` and `older` are events of the page's fold keys just beyond its
 * first and last event (newest first). A result on this page takes its "requested" from older
 * pages; a "requested" whose result is on a newer page is shown there, not here.
 */
export function foldAuditPage(page: readonly AuditEventView[], context: { newer: readonly AuditEventView[]; older: readonly AuditEventView[] }): AuditRow[] {
  const onPage = new Set(page.map((e) => e.id));
  return foldAuditEvents([...context.newer, ...page, ...context.older]).filter((r) => onPage.has(r.id));
}

/** An App Runner service ARN's parts, for a link to its page. */
export function serviceOfArn(target: string | null): { region: string; name: string; id: string } | undefined {
  const m = /^arn:aws[\w-]*:apprunner:([a-z0-9-]+):\d{12}:service\/([A-Za-z0-9][A-Za-z0-9_-]*)\/([A-Za-z0-9]+)$/.exec(target ?? "");
  return m ? { region: m[1] ?? "", name: m[2] ?? "", id: m[3] ?? "" } : undefined;
}
