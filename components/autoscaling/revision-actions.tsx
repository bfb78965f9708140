"use client";
// Per revision: make it the default, delete it, or apply it to a service of its region.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/form-message";

type RefAction = (input: { arn: string }) => Promise<ActionResult<unknown>>;
export type ApplyAction = (input: { arn: string; serviceArn: string }) => Promise<ActionResult<{ operationId?: string }>>;

export function RevisionActions({
  arn,
  label,
  isDefault,
  services,
  setDefault,
  remove,
  apply,
}: {
  arn: string;
  label: string;
  isDefault: boolean;
  services: { arn: string; name: string }[];
  setDefault: RefAction;
  remove: RefAction;
  apply: ApplyAction;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [serviceArn, setServiceArn] = useState("");
  const router = useRouter();
  const run = (fn: () => Promise<ActionResult<unknown>>, done: string) => {
    setError(null);
    setNote(null);
    startTransition(async () => {
      const r = await fn();
      if (!r.ok) return setError(r.fieldErrors?.serviceArn?.[0] ?? r.message);
      setNote(done);
      router.refresh();
    });
  };
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-1">
        {!isDefault ? (
          <Button variant="secondary" className="!py-0.5 text-xs" disabled={pending} onClick={() => run(() => setDefault({ arn }), `${label} is now the default.`)} aria-label={`Set ${label} as default`}>
            Set default
          </Button>
        ) : null}
        <Button
          variant="ghost"
          className="!py-0.5 text-xs text-red-700 dark:text-red-400"
          disabled={pending}
          onClick={() => {
            if (window.confirm(`Delete ${label}?`)) run(() => remove({ arn }), `Deleted ${label}.`);
          }}
          aria-label={`Delete ${label}`}
        >
          Delete
        </Button>
        <form
          className="flex items-center gap-1"
          aria-label={`Apply ${label} to a service`}
          onSubmit={(e) => {
            e.preventDefault();
            if (serviceArn) run(() => apply({ arn, serviceArn }), `Applying ${label}: the service is updating.`);
          }}
        >
          <select aria-label={`Service for ${label}`} className="input !w-40 !py-0.5 text-xs" value={serviceArn} onChange={(e) => setServiceArn(e.target.value)}>
            <option value="">Apply to service…</option>
            {services.map((s) => (
              <option key={s.arn} value={s.arn}>
                {s.name}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" className="!py-0.5 text-xs" disabled={pending || !serviceArn}>
            Apply
          </Button>
        </form>
      </div>
      <InlineError message={error} />
      {note ? (
        <p role="status" className="text-xs text-green-700 dark:text-green-400">
          {note}
        </p>
      ) : null}
    </div>
  );
}
