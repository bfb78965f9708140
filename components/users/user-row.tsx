"use client";
import { useActionState, useState } from "react";
import { Time } from "@/components/ui/time";
import { deleteUserAction, resetPasswordAction, updateUserAction } from "@/lib/users/user-actions";
import { roles } from "@/lib/auth/permissions";
import type { UserView } from "@/lib/users/users";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

export function UserRow({ user, isSelf }: { user: UserView; isSelf: boolean }) {
  const [updateState, update] = useActionState(updateUserAction, null);
  const [resetState, reset] = useActionState(resetPasswordAction, null);
  const [deleteState, remove] = useActionState(deleteUserAction, null);
  const [showReset, setShowReset] = useState(false);
  const state = [deleteState, resetState, updateState].find((s) => s && !s.ok) ?? (resetState?.ok ? { ok: true as const, data: null, message: "Password reset; their sessions were ended." } : null);
  return (
    <tr data-testid={`user-row-${user.email}`}>
      <td>
        <div className="font-medium">
          {user.name} {isSelf ? <span className="muted text-xs">(you)</span> : null}
        </div>
        <div className="muted text-xs">{user.email}</div>
      </td>
      <td>
        <form action={update} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="id" value={user.id} />
          <select name="role" aria-label={`Role of ${user.email}`} defaultValue={user.role} disabled={isSelf} className="input !w-auto !py-1">
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" name="disabled" defaultChecked={user.disabled} disabled={isSelf} /> disabled
          </label>
          {!isSelf ? (
            <SubmitButton variant="secondary" className="!py-1 !text-xs" pendingText="Saving…">
              Save
            </SubmitButton>
          ) : null}
        </form>
      </td>
      <td className="text-xs">
        {user.disabled ? <Badge tone="red">disabled</Badge> : user.locked ? <Badge tone="amber">locked</Badge> : <Badge tone="green">active</Badge>}
        <div className="muted mt-1">{user.lastLoginAt ? <>
              last sign-in <Time value={user.lastLoginAt} />
            </> : "never signed in"}</div>
      </td>
      <td className="space-y-2">
        <FormMessage state={state} />
        <div className="flex flex-wrap gap-2">
          <button type="button" className="text-xs text-[var(--accent)]" onClick={() => setShowReset((v) => !v)}>
            Reset password
          </button>
          {!isSelf ? (
            <form
              action={remove}
              onSubmit={(e) => {
                if (!window.confirm(`Delete ${user.email}?`)) e.preventDefault();
              }}
            >
              <input type="hidden" name="id" value={user.id} />
              <button type="submit" className="text-xs text-red-600">
                Delete
              </button>
            </form>
          ) : null}
        </div>
        {showReset ? (
          <form action={reset} className="flex gap-2">
            <input type="hidden" name="id" value={user.id} />
            <input name="password" type="password" aria-label={`New password for ${user.email}`} placeholder="new password" autoComplete="new-password" className="input !py-1 !text-xs" />
            <SubmitButton variant="secondary" className="!py-1 !text-xs">
              Set
            </SubmitButton>
          </form>
        ) : null}
      </td>
    </tr>
  );
}
