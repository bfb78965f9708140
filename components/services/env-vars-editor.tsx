"use client";
// Environment variables and secrets. A secret's value is write-only: on the update form it
// comes back blank ("unchanged") and is sent only if the user types a new one.
import { Button } from "@/components/ui/button";
import type { EnvRow } from "./form-state";
import { Section, type Errors } from "./form-controls";

export function EnvVarsEditor({ rows, onChange, errors, note }: { rows: EnvRow[]; onChange: (rows: EnvRow[]) => void; errors: Errors; note?: string }) {
  const update = (i: number, patch: Partial<EnvRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Section title="Environment variables and secrets">
      {note ? <p className="text-sm text-amber-800 dark:text-amber-300">{note}</p> : null}
      {rows.length === 0 ? <p className="muted text-sm">None.</p> : null}
      {rows.map((r, i) => (
        <div key={i} className="grid grid-cols-[1fr_1.5fr_auto_auto] items-start gap-2" data-testid="env-row">
          <div>
            <input className="input font-mono" aria-label={`Variable ${i + 1} name`} name={`env.${i}.name`} value={r.name} placeholder="NAME" onChange={(e) => update(i, { name: e.target.value })} aria-invalid={errors[`env.${i}.name`] ? true : undefined} />
            {errors[`env.${i}.name`] ? <p role="alert" className="text-xs text-red-600">{errors[`env.${i}.name`]}</p> : null}
          </div>
          <div>
            <input
              className="input font-mono"
              aria-label={`Variable ${i + 1} value`}
              name={`env.${i}.value`}
              type={r.secret ? "password" : "text"}
              autoComplete="off"
              value={r.value}
              placeholder={r.secret && r.keep ? "secret (unchanged)" : r.secret ? "secret ARN or value" : "value"}
              onChange={(e) => update(i, { value: e.target.value })}
            />
            {errors[`env.${i}.value`] ? <p role="alert" className="text-xs text-red-600">{errors[`env.${i}.value`]}</p> : null}
          </div>
          <label className="flex items-center gap-1 pt-1.5 text-sm">
            <input type="checkbox" checked={r.secret} onChange={(e) => update(i, { secret: e.target.checked, keep: false, value: e.target.checked ? "" : r.value })} /> secret
          </label>
          <Button variant="ghost" aria-label={`Remove variable ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { name: "", value: "", secret: false, keep: false }])}>
        Add variable
      </Button>
    </Section>
  );
}
