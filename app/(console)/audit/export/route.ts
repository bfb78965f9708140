import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { iterateAuditEvents } from "@/lib/audit/audit-events";
import { csvRow } from "@/lib/audit/csv";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { metaFromHeaders } from "@/lib/auth/request-meta";

const COLUMNS = ["time", "actor", "role", "action", "target", "connection", "region", "result", "error", "ip", "user_agent", "request"] as const;

/** CSV of the audit history, same filters as the page. Streams, so large exports stay flat in memory. */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.\n", { status: 401, headers: { "content-type": "text/plain" } });
  const meta = metaFromHeaders(request.headers);
  if (!can(user.role, "read")) {
    await recordAuditEvent({ user, ...meta }, { action: "audit.export", result: "denied" });
    return new Response("Not allowed.\n", { status: 403 });
  }
  const url = new URL(request.url);
  const filters = parseAuditFilters(Object.fromEntries(url.searchParams));
  await recordAuditEvent({ user, ...meta }, { action: "audit.export", result: "succeeded", request: Object.fromEntries(url.searchParams) });
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
}
