"use client";
import { useActionForm } from "@/components/ui/use-action-form";

import { setupFirstAdmin } from "@/lib/auth/auth-actions";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SetupForm() {
  const { state, pending, onSubmit } = useActionForm(setupFirstAdmin);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Name" name="name" error={errors.name}>
        <TextInput name="name" autoComplete="name" required error={errors.name} />
      </Field>
      <Field label="Email" name="email" error={errors.email}>
        <TextInput name="email" type="email" autoComplete="username" required error={errors.email} />
      </Field>
      <Field label="Password" name="password" error={errors.password} hint="At least 10 characters.">
        <TextInput name="password" type="password" autoComplete="new-password" required error={errors.password} />
      </Field>
      <Field label="Confirm password" name="confirm" error={errors.confirm}>
        <TextInput name="confirm" type="password" autoComplete="new-password" required error={errors.confirm} />
      </Field>
      <SubmitButton pending={pending} className="w-full" pendingText="Creating…">
        Create admin and sign in
      </SubmitButton>
    </form>
  );
}
