"use client";
import { useActionForm } from "@/components/ui/use-action-form";
import { useEffect, useRef } from "react";
import { createUserAction } from "@/lib/users/user-actions";
import { roles } from "@/lib/auth/permissions";
import { Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateUserForm() {
  const { state, pending, onSubmit } = useActionForm(createUserAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = fieldErrors(state);
  return (
    <form ref={form} onSubmit={onSubmit} className="surface space-y-3 p-4" noValidate aria-label="Add user">
      <h2 className="text-sm font-semibold">Add user</h2>
      <FormMessage state={state} success={state?.ok ? `Added ${state.data.email}.` : undefined} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="name" error={errors.name}>
          <TextInput name="name" error={errors.name} />
        </Field>
        <Field label="Email" name="email" error={errors.email}>
          <TextInput name="email" type="email" autoComplete="off" error={errors.email} />
        </Field>
        <Field label="Role" name="role" error={errors.role}>
          <SelectInput name="role" defaultValue="viewer" error={errors.role}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field label="Initial password" name="password" error={errors.password} hint="At least 10 characters; share it privately.">
          <TextInput name="password" type="password" autoComplete="new-password" error={errors.password} />
        </Field>
      </div>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Adding…">Add user</SubmitButton>
      </div>
    </form>
  );
}
