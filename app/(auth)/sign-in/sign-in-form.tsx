"use client";
import { useActionForm } from "@/components/ui/use-action-form";

import { signIn } from "@/lib/auth/auth-actions";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ next }: { next?: string }) {
  const { state, pending, onSubmit } = useActionForm(signIn);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field label="Email" name="email" error={errors.email}>
        <TextInput name="email" type="email" autoComplete="username" required autoFocus error={errors.email} />
      </Field>
      <Field label="Password" name="password" error={errors.password}>
        <TextInput name="password" type="password" autoComplete="current-password" required error={errors.password} />
      </Field>
      <SubmitButton pending={pending} className="w-full" pendingText="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
