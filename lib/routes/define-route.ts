// ONE wrapper for every route handler, as defineAction is for Server Actions: session and
// permission on the server, zod-validated segment params and query, the URL's region checked
// against the selected connection's regions before any SDK client exists, audit events
// (denied always; succeeded/failed when the route records them), and JSON errors in AWS words.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { isCrossOrigin } from "@/lib/actions/origin";
import { recordAuditEvent, type AuditEventInput } from "@/lib/audit/record-audit-event";
import { can, type Permission } from "@/lib/auth/permissions";
import { metaFromHeaders, type RequestMeta } from "@/lib/auth/request-meta";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { getAwsContextOrNull } from "@/lib/aws/clients";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { describeAwsError, isExplainableError } from "@/lib/services/aws-error";

type AuditDetails = Omit<Partial<AuditEventInput>, "action" | "result">;

export interface RouteContext<P, Q> {
  user: SessionUser;
  params: P;
  query: Q;
  request: NextRequest;
  meta: RequestMeta;
  /** The selected connection and the URL's region, checked; null when the route has no region param. */
  target: { connection: ConnectionView; region: string } | null;
  /** Target/request details for the event written when the handler ends (audited routes). */
  setAuditDetails(details: AuditDetails): void;
}

export interface RouteDefinition<P extends z.ZodType, Q extends z.ZodType> {
  /** verb-noun, e.g. "service.read_logs"; also the audit action name */
  name: string;
  permission: Permission;
  params?: P;
  query?: Q;
  /** Record succeeded/failed events. Required for anything that changes state; reads may opt in. */
  audit?: boolean;
}

/** What Next passes as the second argument of a route handler. */
interface Segment {
  params?: Promise<Record<string, string | string[] | undefined>>;
}

const json = (body: Record<string, unknown>, status: number) => NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });

function invalid(error: z.ZodError, what: string): NextResponse {
  const flat = z.flattenError(error);
  return json({ message: `Invalid ${what}.`, code: "ValidationError", fieldErrors: flat.fieldErrors }, 400);
}

const noParams = z.object({});


export function defineRoute<P extends z.ZodType = typeof noParams, Q extends z.ZodType = typeof noParams>(
  def: RouteDefinition<P, Q>,
  handler: (ctx: RouteContext<z.output<P>, z.output<Q>>) => Promise<Response>,
): (request: NextRequest, segment: Segment) => Promise<Response> {
  return async function route(request, segment) {
    const meta = metaFromHeaders(request.headers);
    const user = await getCurrentUser();
    if (!user) return json({ message: "Sign in first.", code: "Unauthenticated" }, 401);
    const who = { user, ip: meta.ip, userAgent: meta.userAgent };
    const requestSummary = Object.fromEntries(request.nextUrl.searchParams);

    if (!can(user.role, def.permission)) {
      await recordAuditEvent(who, { action: def.name, result: "denied", error: `role ${user.role} lacks ${def.permission}`, request: requestSummary });
      return json({ message: `Your role (${user.role}) is not allowed to do this.`, code: "Forbidden" }, 403);
    }
    const changesState = request.method !== "GET" && request.method !== "HEAD";
    if (changesState && isCrossOrigin(meta)) {
      await recordAuditEvent(who, { action: def.name, result: "denied", error: `cross-origin request from ${meta.origin}` });
      return json({ message: "Cross-origin requests are not allowed.", code: "Forbidden" }, 403);
    }

    // Routes without dynamic segments get no params object from Next.
    const params = (def.params ?? noParams).safeParse((await segment?.params) ?? {});
    if (!params.success) return invalid(params.error, "path");
    const query = (def.query ?? noParams).safeParse(requestSummary);
    if (!query.success) return invalid(query.error, "query");

    // A region from the URL must be one the connection lists: anything else would make (and
    // cache) an SDK client for whatever string a caller typed.
    let target: RouteContext<unknown, unknown>["target"] = null;
    const region = (params.data as { region?: unknown }).region;
    if (typeof region === "string") {
      const aws = await getAwsContextOrNull();
      if (!aws) return json({ message: "No connection is configured. An admin can add one under Connections.", code: "NoConnection" }, 404);
      if (!aws.connection.regions.includes(region)) {
        return json({ message: `Region ${region} is not one of the regions of connection "${aws.connection.name}".`, code: "UnknownRegion" }, 404);
      }
      target = { connection: aws.connection, region };
    }

    let details: AuditDetails = { request: requestSummary, ...(target ? { connectionId: target.connection.id, region: target.region } : {}) };
    const audit = def.audit === true || changesState;
    try {
      const response = await handler({
        user,
        params: params.data as z.output<P>,
        query: query.data as z.output<Q>,
        request,
        meta,
        target,
        setAuditDetails: (d) => void (details = { ...details, ...d }),
      });
      if (audit) await recordAuditEvent(who, { ...details, action: def.name, result: response.ok ? "succeeded" : "failed", error: response.ok ? null : `HTTP ${response.status}` });
      return response;
    } catch (err) {
      const aws = describeAwsError(err);
      const known = isExplainableError(err);
      if (!known) console.error(`[route ${def.name}]`, err);
      const message = known ? aws.message : "Something went wrong. The error was logged on the server.";
      if (audit) await recordAuditEvent(who, { ...details, action: def.name, result: "failed", error: message });
      const status = aws.code === "ResourceNotFoundException" ? 404 : known ? 502 : 500;
      return json({ message, code: known ? aws.code : "InternalError" }, status);
    }
  };
}
