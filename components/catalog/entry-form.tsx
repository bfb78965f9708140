"use client";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/action-result";
import { lifecycles } from "@/lib/catalog/catalog-constants";
import type { EntryFields } from "@/lib/catalog/catalog-model";
import { Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: ActionResult<{ id: string; name: string }> | null, fd: FormData) => Promise<ActionResult<{ id: string; name: string }>>;

/** Owner, tier, lifecycle, system, links and tags of one entry. Same zod rules as the import. */
export function EntryForm({ id, values, teams, action }: { id: string; values: EntryFields & { tier?: number }; teams: string[]; action: Action }) {
  const { state, pending, onSubmit } = useActionForm(action);
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} className="surface space-y-3 p-4" noValidate aria-label="Edit catalog entry">
      <h2 className="text-sm font-semibold">Catalog entry</h2>
      <FormMessage state={state} success={state?.ok ? `Saved ${state.data.name}.` : undefined} />
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Owner team" name="owner" error={errors.owner}>
          <SelectInput name="owner" defaultValue={values.owner ?? ""} error={errors.owner}>
            <option value="">No owner</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field label="Tier" name="tier" error={errors.tier}>
          <SelectInput name="tier" defaultValue={values.tier ? String(values.tier) : ""} error={errors.tier}>
            <option value="">Not set</option>
            <option value="1">1 · critical</option>
            <option value="2">2</option>
            <option value="3">3</option>
          </SelectInput>
        </Field>
        <Field label="Lifecycle" name="lifecycle" error={errors.lifecycle}>
          <SelectInput name="lifecycle" defaultValue={values.lifecycle} error={errors.lifecycle}>
            {lifecycles.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field label="System" name="system" error={errors.system} hint="A Backstage System name; created when new.">
          <TextInput name="system" defaultValue={values.system ?? ""} error={errors.system} />
        </Field>
      </div>
      <Field label="Description" name="description" error={errors.description}>
        <textarea id="description" name="description" rows={2} className="input" defaultValue={values.description} aria-invalid={errors.description?.length ? true : undefined} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Repository link" name="repositoryUrl" error={errors.repositoryUrl}>
          <TextInput name="repositoryUrl" type="url" defaultValue={values.repositoryUrl ?? ""} error={errors.repositoryUrl} />
        </Field>
        <Field label="Runbook link" name="runbookUrl" error={errors.runbookUrl}>
          <TextInput name="runbookUrl" type="url" defaultValue={values.runbookUrl ?? ""} error={errors.runbookUrl} />
        </Field>
        <Field label="Dashboard link" name="dashboardUrl" error={errors.dashboardUrl}>
          <TextInput name="dashboardUrl" type="url" defaultValue={values.dashboardUrl ?? ""} error={errors.dashboardUrl} />
        </Field>
        <Field label="On-call link" name="oncallUrl" error={errors.oncallUrl}>
          <TextInput name="oncallUrl" type="url" defaultValue={values.oncallUrl ?? ""} error={errors.oncallUrl} />
        </Field>
      </div>
      <Field label="Tags" name="tags" error={errors.tags} hint="Separated by spaces or commas, e.g. payments pci">
        <TextInput name="tags" defaultValue={values.tags.join(" ")} error={errors.tags} />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">
          Save entry
        </SubmitButton>
      </div>
    </form>
  );
}
