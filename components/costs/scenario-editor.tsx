"use client";
// The scenario form. It recomputes on every keystroke with the pure pricing module (no server
// round trip), shows each bad figure at its field, and saves through the action it is given.
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ActivityGrid } from "@/components/costs/activity-grid";
import { ScenarioResults } from "@/components/costs/scenario-results";
import { Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action-result";
import { instanceSizes, sizeKey, sizeLabel } from "@/lib/pricing/instance-sizes";
import type { PriceTable } from "@/lib/pricing/price-table";
import { estimateScenario } from "@/lib/pricing/scenario";
import { scenarioInputSchema, toScenario } from "@/lib/pricing/scenario-input";
import type { ScenarioValues } from "@/lib/costs/scenario-values";


export type SaveScenario = (input: ScenarioValues & { name: string; notes: string; estimateId?: string }) => Promise<ActionResult<{ id: string; version: number }>>;

const numberFields: { name: keyof ScenarioValues; label: string; hint?: string }[] = [
  { name: "minSize", label: "MinSize (provisioned)" },
  { name: "avgActive", label: "Average active instances", hint: "during active hours" },
  { name: "peakActive", label: "Peak active instances" },
  { name: "requestsPerMonth", label: "Requests per month" },
  { name: "dataOutGb", label: "GB out per month" },
  { name: "buildsPerMonth", label: "Builds per month" },
  { name: "minutesPerBuild", label: "Minutes per build" },
  { name: "monthHours", label: "Hours in the month", hint: "730 is AWS's average month" },
];

export function ScenarioEditor({ tables, initial, save, canSave, estimateId, initialName = "", initialNotes = "" }: { tables: PriceTable[]; initial: ScenarioValues; save: SaveScenario; canSave: boolean; estimateId?: string; initialName?: string; initialNotes?: string }) {
  const [values, setValues] = useState<ScenarioValues>(initial);
  const [name, setName] = useState(initialName);
  const [notes, setNotes] = useState(initialNotes);
  const [result, setResult] = useState<ActionResult<{ id: string; version: number }> | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const { errors, estimate } = useMemo(() => {
    const parsed = scenarioInputSchema.safeParse(values);
    const table = tables.find((t) => t.region === values.region);
    const errs: Record<string, string[]> = {};
    if (!parsed.success) for (const i of parsed.error.issues) (errs[String(i.path[0] ?? "form")] ??= []).push(i.message);
    if (!table) (errs.region ??= []).push(`Unknown region "${values.region}"`);
    return { errors: errs, estimate: parsed.success && table ? estimateScenario(toScenario(parsed.data), table.prices) : null };
  }, [values, tables]);

  const serverErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const errorAt = (f: string) => errors[f] ?? serverErrors[f];
  const set = (k: keyof ScenarioValues, v: string | boolean | string[]) => setValues((s) => ({ ...s, [k]: v }));

  const onSave = () =>
    startTransition(async () => {
      const r = await save({ ...values, name, notes, ...(estimateId ? { estimateId } : {}) });
      setResult(r);
      if (r.ok) router.push(`/costs/${r.data.id}`);
    });

  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,420px)_1fr]">
      <form className="surface space-y-4 p-4" aria-label="Scenario" noValidate onSubmit={(e) => e.preventDefault()}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Region" name="region" error={errorAt("region")}>
            <SelectInput name="region" value={values.region} onChange={(e) => set("region", e.target.value)} error={errorAt("region")}>
              {tables.map((t) => (
                <option key={t.region} value={t.region}>
                  {t.region}
                </option>
              ))}
            </SelectInput>
          </Field>
          <Field label="Instance size" name="size" error={errorAt("size")}>
            <SelectInput name="size" value={values.size} onChange={(e) => set("size", e.target.value)} error={errorAt("size")}>
              {instanceSizes.map((s) => (
                <option key={sizeKey(s)} value={sizeKey(s)}>
                  {sizeLabel(s)}
                </option>
              ))}
            </SelectInput>
          </Field>
          {numberFields.map((f) => (
            <Field key={f.name} label={f.label} name={f.name} error={errorAt(f.name)} hint={f.hint}>
              <TextInput name={f.name} inputMode="decimal" value={values[f.name] as string} onChange={(e) => set(f.name, e.target.value)} error={errorAt(f.name)} />
            </Field>
          ))}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="autoDeploy" checked={values.autoDeploy} onChange={(e) => set("autoDeploy", e.target.checked)} /> Automatic deployments ($1 per app per month)
        </label>
        <ActivityGrid rows={values.activity} onChange={(rows) => set("activity", rows)} error={errorAt("activity")} />
        {canSave ? (
          <div className="space-y-3 border-t border-[var(--border)] pt-3">
            <FormMessage state={result} />
            <Field label="Estimate name" name="name" error={serverErrors.name}>
              <TextInput name="name" value={name} onChange={(e) => setName(e.target.value)} error={serverErrors.name} />
            </Field>
            <Field label="Notes" name="notes" error={serverErrors.notes}>
              <textarea id="notes" name="notes" className="input min-h-16" value={notes} onChange={(e) => setNotes(e.target.value)} />
            </Field>
            <div className="flex justify-end">
              <Button onClick={onSave} disabled={pending} aria-busy={pending}>
                {pending ? "Saving…" : estimateId ? "Save as new version" : "Save estimate"}
              </Button>
            </div>
          </div>
        ) : (
          <p className="muted text-xs">Viewers can try scenarios; operators and admins save them.</p>
        )}
      </form>
      <div aria-live="polite">{estimate ? <ScenarioResults estimate={estimate} /> : <p className="surface muted p-4 text-sm">Fix the highlighted fields to see the estimate.</p>}</div>
    </div>
  );
}
