// ONE wrapper for every Server Action: origin check, session + permission check on the
// server, zod validation with field errors, audit (denied / succeeded / failed), and a
// typed result that never carries a stack trace.
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { requestMeta, type RequestMeta } from "@/lib/auth/request-meta";
import { recordAuditEvent, type AuditEventInput } from "@/lib/audit/record-audit-event";
import { formDataToObject } from "@/lib/audit/redact";
import { ActionError, checkFieldsMessage, type ActionResult } from "@/lib/actions/action-result";
import { isCrossOrigin } from "@/lib/actions/origin";
import { describeError } from "@/lib/services/aws-error";

export { ActionError, type ActionResult } from "@/lib/actions/action-result";

type AuditPartial = Partial<AuditEventInput>;

export interface ActionContext<U extends SessionUser | null = SessionUser> {
  user: U;
  ip: string | null;
  userAgent: string | null;
  /** Records an event now (defaults: this action's name, result "succeeded"). A terminal
   *  result (succeeded/failed/denied) replaces the wrapper's automatic event. */
  audit(event: AuditPartial): Promise<void>;
  /** Target/connection/region/request for the automatic event written when the handler ends. */
  setAuditDetails(details: Omit<AuditPartial, "action" | "result">): void;
}

export interface ActionDefinition<S extends z.ZodType> {
  /** verb-noun, e.g. "service.pause"; also the audit action name */
  name: string;
  permission: Permission;
  schema: S;
  /** false: nothing is audited automatically (reads); the handler may still call ctx.audit */
  audit?: boolean;
}

export interface SafeAction<I, T> {
  (input: I | FormData): Promise<ActionResult<T>>;
  // Last so useActionState infers from this signature.
  (prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>>;
}

export function defineAction<S extends z.ZodType, T>(
  def: ActionDefinition<S>,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
): SafeAction<z.input<S>, T> {
  return run(def, true, handler as (input: z.output<S>, ctx: ActionContext<SessionUser | null>) => Promise<T>) as SafeAction<z.input<S>, T>;
}

/** Actions open to visitors without a session (sign-in, first-admin setup). */
export function definePublicAction<S extends z.ZodType, T>(
  def: Omit<ActionDefinition<S>, "permission">,
  handler: (input: z.output<S>, ctx: ActionContext<SessionUser | null>) => Promise<T>,
): SafeAction<z.input<S>, T> {
  return run(def, false, handler) as SafeAction<z.input<S>, T>;
}

function run<S extends z.ZodType, T>(
  def: Omit<ActionDefinition<S>, "permission"> & { permission?: Permission },
  needsUser: boolean,
  handler: (input: z.output<S>, ctx: ActionContext<SessionUser | null>) => Promise<T>,
) {
  return async function action(first: unknown, second?: unknown): Promise<ActionResult<T>> {
    const raw = second instanceof FormData ? second : first;
    const rawInput = raw instanceof FormData ? formDataToObject(raw) : raw;
    const meta: RequestMeta = await requestMeta();
    const user = await getCurrentUser();
    const base = { user, ip: meta.ip, userAgent: meta.userAgent };

    if (isCrossOrigin(meta)) {
      await recordAuditEvent(base, { action: def.name, result: "denied", error: `cross-origin request from ${meta.origin}` });
      return { ok: false, code: "cross_origin", message: "Cross-origin requests are not allowed." };
    }
    if (needsUser && !user) {
      return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
    }
    if (def.permission && user && !can(user.role, def.permission)) {
      await recordAuditEvent(base, { action: def.name, result: "denied", error: `role ${user.role} lacks ${def.permission}`, request: rawInput });
      return { ok: false, code: "forbidden", message: `Your role (${user.role}) is not allowed to do this.` };
    }

    const parsed = def.schema.safeParse(rawInput);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      const message = flat.formErrors[0] ?? checkFieldsMessage;
      return { ok: false, code: "validation", message, fieldErrors: flat.fieldErrors as Record<string, string[] | undefined> };
    }

    let details: AuditPartial = { request: rawInput };
    let terminalRecorded = false;
    const ctx: ActionContext<SessionUser | null> = {
      ...base,
      async audit(event) {
        const result = event.result ?? "succeeded";
        if (result !== "requested") terminalRecorded = true;
        await recordAuditEvent(base, { ...details, ...event, action: event.action ?? def.name, result });
      },
      setAuditDetails(d) {
        details = { ...details, ...d };
      },
    };

    const shouldAudit = def.audit !== false;
    try {
      const data = await handler(parsed.data, ctx);
      if (shouldAudit && !terminalRecorded) await recordAuditEvent(base, { ...details, action: def.name, result: "succeeded" });
      return { ok: true, data };
    } catch (err) {
      // redirect()/notFound() inside a handler are control flow, not failures.
      try {
        unstable_rethrow(err);
      } catch (control) {
        if (shouldAudit && !terminalRecorded) await recordAuditEvent(base, { ...details, action: def.name, result: "succeeded" });
        throw control;
      }
      const described = describeError(err);
      if (!(err instanceof ActionError)) console.error(`[action ${def.name}]`, err);
      if (shouldAudit && !terminalRecorded) {
        await recordAuditEvent(base, { ...details, action: def.name, result: "failed", error: described.message });
      }
      return {
        ok: false,
        message: described.message,
        code: described.code,
        ...(err instanceof ActionError && err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}),
      };
    }
  };
}
