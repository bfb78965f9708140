"use client";
import { useActionState, useCallback, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * useActionState for a form, submitted through onSubmit instead of the `action` prop:
 * React resets forms after an `action` completes, which would wipe what the user typed
 * when the server answers with field errors. Pass `pending` to SubmitButton.
 */
export function useActionForm<T>(action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>) {
  const [state, dispatch, actionPending] = useActionState(action, null);
  const [transitionPending, startTransition] = useTransition();
  const onSubmit = useCallback(
    (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const data = new FormData(e.currentTarget);
      startTransition(() => dispatch(data));
    },
    [dispatch],
  );
  return { state, pending: actionPending || transitionPending, onSubmit };
}
