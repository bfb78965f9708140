"use client";
import { useActionState } from "react";
import { deleteConnectionAction } from "@/lib/connections/connection-actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function DeleteConnectionButton({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(deleteConnectionAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Delete the connection "${name}"? Services in AWS are not affected.`)) e.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete connection
      </SubmitButton>
    </form>
  );
}
