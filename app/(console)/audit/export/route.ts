import { defineRoute } from "@/lib/routes/define-route";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { iterateAuditEvents } from "@/lib/audit/audit-events";
import { csvRow } from "@/lib/audit/csv";

const COLUMNS = ["time", "actor", "role", "action", "target", "connection", "region", "result", "error", "ip", "user_agent", "request"] as const;

/** CSV of the audit history, same filters as the page. Streams, so large exports stay flat in memory. Every export is audited. */
export const GET = defineRoute({ name: "audit.export", permission: "read", audit: true }, async ({ request }) => {
  const filters = parseAuditFilters(Object.fromEntries(request.nextUrl.searchParams));
  const encoder = new TextEncoder();
  const events = iterateAuditEvents({ ...filters, cursor: undefined });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow([...COLUMNS])));
    },
    async pull(controller) {
      const { value, done } = await events.next();
      if (done) return controller.close();
      controller.enqueue(encoder.encode(csvRow([value.createdAt, value.actor, value.role, value.action, value.target, value.connection, value.region, value.result, value.error, value.ip, value.userAgent, value.request])));
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="runway-audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
