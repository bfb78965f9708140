// The result every Server Action returns. Shared by server and client code (no imports).
export type ActionErrorCode = "validation" | "unauthenticated" | "forbidden" | "cross_origin" | "not_found" | "conflict" | "rate_limited" | "upstream" | "internal";

export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; code?: ActionErrorCode };

/** The message of a validation failure whose errors all belong to fields. */
export const checkFieldsMessage = "Check the highlighted fields.";

/** Throw from an action handler to fail with a message the user may see. */
export class ActionError extends Error {
  constructor(
    message: string,
    public readonly code: ActionErrorCode = "internal",
    public readonly fieldErrors?: Record<string, string[] | undefined>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

export function fieldError(field: string, message: string): ActionError {
  return new ActionError(message, "validation", { [field]: [message] });
}
