"use client";
import { useRef, useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/action-result";
import type { ImportOutcome as Outcome } from "@/lib/catalog/apply-import";
import { Field } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: ActionResult<Outcome> | null, fd: FormData) => Promise<ActionResult<Outcome>>;

export function ImportForm({ action }: { action: Action }) {
  const { state, pending, onSubmit } = useActionForm(action);
  const [text, setText] = useState("");
  const area = useRef<HTMLTextAreaElement>(null);
  const errors = fieldErrors(state);
  const outcome = state?.ok ? state.data : null;
  return (
    <form onSubmit={onSubmit} className="surface space-y-3 p-4" noValidate aria-label="Import catalog">
      <FormMessage state={state && !state.ok ? state : null} />
      {outcome && !outcome.ok ? (
        <div role="alert" data-testid="import-errors" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
          <p className="font-medium">Nothing was imported: fix the file and try again.</p>
          <ul className="mt-1 list-disc pl-5">
            {outcome.errors.slice(0, 50).map((e, i) => (
              <li key={i}>{`Document ${e.document}, line ${e.line}: ${e.message}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome?.ok && outcome.summary ? (
        <p role="status" data-testid="form-success" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-300">
          Imported {outcome.summary.entries} component{outcome.summary.entries === 1 ? "" : "s"} ({outcome.summary.created} new), {outcome.summary.teams} group{outcome.summary.teams === 1 ? "" : "s"} and {outcome.summary.systems} system
          {outcome.summary.systems === 1 ? "" : "s"}.
        </p>
      ) : null}
      <Field label="catalog-info.yaml file" name="file">
        <input
          id="file"
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          className="block text-sm"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) setText(await f.text());
          }}
        />
      </Field>
      <Field label="Documents" name="yaml" error={errors.yaml} hint="Component (spec.type service, with the aws.amazon.com/aws-app-runner-service-arn annotation), Group and System documents separated by ---. The whole file applies or none of it.">
        <textarea ref={area} id="yaml" name="yaml" rows={16} className="input font-mono text-xs" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={errors.yaml?.length ? true : undefined} />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Importing…">
          Import
        </SubmitButton>
      </div>
    </form>
  );
}
