"use client";
// An admin's edit of one region's price table. Every figure is its own field with its own error.
import { useActionForm } from "@/components/ui/use-action-form";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions/action-result";
import { priceFields, type PriceField } from "@/lib/pricing/price-table-form";

type Save = (prev: ActionResult<{ region: string; version: number }> | null, formData: FormData) => Promise<ActionResult<{ region: string; version: number }>>;

export function PriceTableForm({ initial, save, title }: { initial: Record<string, string>; save: Save; title: string }) {
  const { state, pending, onSubmit } = useActionForm(save);
  const errors = fieldErrors(state);
  const id = (f: string) => `${initial.region || "new"}-${f}`;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label={title}>
      <FormMessage state={state} success={state?.ok ? `Saved ${state.data.region} (version ${state.data.version}). Saved estimates keep the prices they used.` : undefined} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Region" name={id("region")} error={errors.region}>
          <TextInput id={id("region")} name="region" defaultValue={initial.region} readOnly={!!initial.region} error={errors.region} />
        </Field>
        <Field label="Source (pricing page)" name={id("source")} error={errors.source}>
          <TextInput id={id("source")} name="source" defaultValue={initial.source} error={errors.source} />
        </Field>
        <Field label="Checked on" name={id("checkedAt")} error={errors.checkedAt}>
          <TextInput id={id("checkedAt")} name="checkedAt" type="date" defaultValue={initial.checkedAt} error={errors.checkedAt} />
        </Field>
        {(Object.keys(priceFields) as PriceField[]).map((f) => (
          <Field key={f} label={priceFields[f]} name={id(f)} error={errors[f]}>
            <TextInput id={id(f)} name={f} inputMode="decimal" defaultValue={initial[f]} error={errors[f]} />
          </Field>
        ))}
      </div>
      <Field label="Notes" name={id("notes")} error={errors.notes}>
        <TextInput id={id("notes")} name="notes" defaultValue={initial.notes} error={errors.notes} />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">
          Save {initial.region || "table"}
        </SubmitButton>
      </div>
    </form>
  );
}
