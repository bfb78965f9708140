"use client";
// Create a configuration, or a new revision of an existing name. Ranges are App Runner's,
// checked by the same schema on the server; AWS's refusals (e.g. the quota) show in its words.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { DEFAULT_INSTANCE_QUOTA } from "@/lib/autoscaling/auto-scaling-schema";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

type Created = { arn: string; name: string; revision: number };

export function CreateAutoScalingForm({ action, names }: { action: (prev: ActionResult<Created> | null, fd: FormData) => Promise<ActionResult<Created>>; names: string[] }) {
  const { state, pending, onSubmit } = useActionForm(action);
  const router = useRouter();
  const errors = fieldErrors(state);
  const [maxSize, setMaxSize] = useState("");
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} aria-label="Create auto scaling configuration" className="surface space-y-3 p-4" noValidate>
      <h2 className="text-sm font-semibold">New configuration or revision</h2>
      <p className="muted text-xs">An existing name gets its next revision; a new name starts at revision 1.</p>
      <div className="grid gap-3 sm:grid-cols-4">
        <Field label="Name" name="name" error={errors.name} hint="4–32 letters, digits, - and _">
          <TextInput name="name" error={errors.name} list="asc-names" required autoComplete="off" />
        </Field>
        <Field label="Max concurrency" name="maxConcurrency" error={errors.maxConcurrency} hint="1–200 requests per instance">
          <TextInput name="maxConcurrency" type="number" min={1} max={200} defaultValue={100} error={errors.maxConcurrency} />
        </Field>
        <Field label="Min size" name="minSize" error={errors.minSize} hint="1–25 instances kept provisioned">
          <TextInput name="minSize" type="number" min={1} max={25} defaultValue={1} error={errors.minSize} />
        </Field>
        <Field
          label="Max size"
          name="maxSize"
          error={errors.maxSize}
          hint={Number(maxSize) > DEFAULT_INSTANCE_QUOTA ? `Above App Runner's default quota of ${DEFAULT_INSTANCE_QUOTA} instances: AWS refuses it unless your quota was raised.` : "at least Min size"}
        >
          <TextInput name="maxSize" type="number" min={1} defaultValue={25} error={errors.maxSize} onChange={(e) => setMaxSize(e.target.value)} />
        </Field>
      </div>
      <datalist id="asc-names">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <FormMessage state={state} success={state?.ok ? `Created ${state.data.name} revision ${state.data.revision}.` : undefined} />
      <SubmitButton pending={pending} pendingText="Creating…">
        Create
      </SubmitButton>
    </form>
  );
}
