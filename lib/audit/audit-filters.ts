// Audit filters come from the URL (so views are linkable) and serve both the page and
// the CSV export. Pure: parsed and turned into a Prisma where clause here.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";

export const auditResults = ["requested", "succeeded", "failed", "denied"] as const;

const text = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(300).optional().transform((s) => (s ? s : undefined)));
const time = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z
    .string()
    .optional()
    .transform((s) => {
      if (!s) return undefined;
      const d = new Date(s);
      return Number.isNaN(d.getTime()) ? undefined : d;
    }),
);

export const auditFilterSchema = z.object({
  actor: text,
  action: text,
  result: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(auditResults).optional().catch(undefined)),
  target: text,
  from: time,
  to: time,
  cursor: text,
});

export type AuditFilters = z.output<typeof auditFilterSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  return auditFilterSchema.parse(params);
}

/**
 * The Prisma filter. Text filters match any case, as SQLite's LIKE does; PostgreSQL's is
 * case-sensitive, so there it asks for mode "insensitive" (a PostgreSQL-only option, hence
 * the cast: the shared client type is SQLite's).
 */
export function auditWhere(f: AuditFilters, { postgres = false }: { postgres?: boolean } = {}) {
  const text = (v: string) => (postgres ? { contains: v, mode: "insensitive" } : { contains: v }) as { contains: string };
  return {
    ...(f.actor ? { actor: text(f.actor) } : {}),
    ...(f.action ? { action: text(f.action) } : {}),
    ...(f.result ? { result: f.result } : {}),
    ...(f.target ? { target: text(f.target) } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  };
}

/** The filters as URL search params (without the cursor), for links and the export. */
export function filtersToParams(f: AuditFilters, raw?: { from?: string; to?: string }): URLSearchParams {
  const p = new URLSearchParams();
  if (f.actor) p.set("actor", f.actor);
  if (f.action) p.set("action", f.action);
  if (f.result) p.set("result", f.result);
  if (f.target) p.set("target", f.target);
  const from = raw?.from ?? f.from?.toISOString();
  const to = raw?.to ?? f.to?.toISOString();
  if (from) p.set("from", from);
  if (to) p.set("to", to);
  return p;
}
