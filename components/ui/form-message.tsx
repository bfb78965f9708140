import type { ReactNode } from "react";
import { checkFieldsMessage, type ActionResult } from "@/lib/actions/action-result";

// A failure with field errors is shown at its fields. Its banner stays as a fallback and is
// hidden while any control in the same form is marked invalid, so an error appears once,
// and still appears when no rendered field can show it (a field the form does not render).
const hiddenWhileAFieldShowsIt = "[form:has([aria-invalid=true])_&]:hidden";

/** An error for the whole form. `fieldLevel`: the error is also shown at a field (see above). */
export function ErrorBanner({ children, fieldLevel = false, testId = "form-error" }: { children: ReactNode; fieldLevel?: boolean; testId?: string }) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className={`rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300 ${fieldLevel ? hiddenWhileAFieldShowsIt : ""}`}
    >
      {children}
    </div>
  );
}

/** The form-level outcome of an action: an error banner, or a success note. */
export function FormMessage({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  if (!state) return null;
  if (!state.ok) {
    const onFields = Object.values(state.fieldErrors ?? {}).flatMap((v) => v ?? []);
    // Where no field shows them, "check the highlighted fields" would point at nothing.
    const text = state.message === checkFieldsMessage && onFields.length ? onFields.join(" ") : state.message;
    return <ErrorBanner fieldLevel={onFields.length > 0}>{text}</ErrorBanner>;
  }
  const text = state.message ?? success;
  return text ? (
    <div role="status" data-testid="form-success" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-300">
      {text}
    </div>
  ) : null;
}

export function fieldErrors(state: ActionResult<unknown> | null): Record<string, string[] | undefined> {
  return state && !state.ok && state.fieldErrors ? state.fieldErrors : {};
}

/** A one-line error beside a control that is not a full form (panels, toolbars). */
export function InlineError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null;
}
