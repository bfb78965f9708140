"use client";
import { Button } from "@/components/ui/button";
import { Section, type Errors } from "./form-controls";

export function TagsEditor({ rows, onChange, errors }: { rows: { key: string; value: string }[]; onChange: (rows: { key: string; value: string }[]) => void; errors: Errors }) {
  const update = (i: number, patch: Partial<{ key: string; value: string }>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Section title="Tags">
      {rows.map((r, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
          <div>
            <input className="input" aria-label={`Tag ${i + 1} key`} value={r.key} placeholder="key" onChange={(e) => update(i, { key: e.target.value })} />
            {errors[`tags.${i}.key`] ? <p role="alert" className="text-xs text-red-600">{errors[`tags.${i}.key`]}</p> : null}
          </div>
          <input className="input" aria-label={`Tag ${i + 1} value`} value={r.value} placeholder="value" onChange={(e) => update(i, { value: e.target.value })} />
          <Button variant="ghost" aria-label={`Remove tag ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { key: "", value: "" }])}>
        Add tag
      </Button>
    </Section>
  );
}
