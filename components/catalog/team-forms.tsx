"use client";
import { useEffect, useRef } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/action-result";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Act<T> = (prev: ActionResult<T> | null, fd: FormData) => Promise<ActionResult<T>>;

export function CreateTeamForm({ action }: { action: Act<{ id: string; name: string }> }) {
  const { state, pending, onSubmit } = useActionForm(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = fieldErrors(state);
  return (
    <form ref={form} onSubmit={onSubmit} className="surface space-y-3 p-4" noValidate aria-label="Create team">
      <h2 className="text-sm font-semibold">Create team</h2>
      <FormMessage state={state} success={state?.ok ? `Created ${state.data.name}.` : undefined} />
      <Field label="Team name" name="name" error={errors.name} hint="Lower-case with dashes, e.g. payments-core (exported as a Backstage Group).">
        <TextInput name="name" error={errors.name} />
      </Field>
      <Field label="Display name" name="displayName" error={errors.displayName}>
        <TextInput name="displayName" error={errors.displayName} />
      </Field>
      <Field label="Description" name="description" error={errors.description}>
        <TextInput name="description" error={errors.description} />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Creating…">
          Create team
        </SubmitButton>
      </div>
    </form>
  );
}

export function AddMemberForm({ teamId, action }: { teamId: string; action: Act<{ team: string; email: string }> }) {
  const { state, pending, onSubmit } = useActionForm(action);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} className="surface space-y-3 p-4" noValidate aria-label="Add member">
      <h2 className="text-sm font-semibold">Add member</h2>
      <FormMessage state={state} success={state?.ok ? `Added ${state.data.email}.` : undefined} />
      <input type="hidden" name="teamId" value={teamId} />
      <Field label="User email" name="email" error={errors.email}>
        <TextInput name="email" type="email" error={errors.email} />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Adding…">
          Add member
        </SubmitButton>
      </div>
    </form>
  );
}
