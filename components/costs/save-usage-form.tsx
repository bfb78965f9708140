"use client";
// Saves a usage estimate. The server reads CloudWatch again and prices it itself.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/action-result";

export type SaveUsage = (input: { name: string; notes: string; region: string; serviceId: string; days: number }) => Promise<ActionResult<{ id: string; version: number }>>;

export function SaveUsageForm({ save, region, serviceId, days, defaultName }: { save: SaveUsage; region: string; serviceId: string; days: number; defaultName: string }) {
  const [name, setName] = useState(defaultName);
  const [notes, setNotes] = useState("");
  const [result, setResult] = useState<ActionResult<{ id: string; version: number }> | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form
      className="surface space-y-3 p-4"
      aria-label="Save usage estimate"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await save({ name, notes, region, serviceId, days });
          setResult(r);
          if (r.ok) router.push(`/costs/${r.data.id}`);
        });
      }}
    >
      <h3 className="text-sm font-semibold">Save this estimate</h3>
      <FormMessage state={result} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Estimate name" name="usage-name" error={errors.name}>
          <TextInput name="usage-name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        </Field>
        <Field label="Notes" name="usage-notes" error={errors.notes}>
          <TextInput name="usage-notes" value={notes} onChange={(e) => setNotes(e.target.value)} error={errors.notes} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : "Save usage estimate"}
        </Button>
      </div>
    </form>
  );
}
