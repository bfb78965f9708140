// Small controlled inputs for the service form, wired to dotted error keys ("source.port").
import type { ReactNode } from "react";

export type Errors = Record<string, string>;

export function Labeled({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p className="muted text-xs">{hint}</p>
      ) : null}
    </div>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  type = "text",
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: ReactNode;
  placeholder?: string;
  type?: string;
  disabled?: boolean;
}) {
  return (
    <Labeled id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        name={id}
        type={type}
        className="input placeholder:italic placeholder:opacity-70"
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Labeled>
  );
}

export function SelectField({ id, label, value, onChange, options, error }: { id: string; label: string; value: string; onChange: (v: string) => void; options: readonly (string | { value: string; label: string })[]; error?: string }) {
  return (
    <Labeled id={id} label={label} error={error}>
      <select id={id} name={id} className="input" value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => {
          const opt = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={opt.value} value={opt.value}>
              {opt.label}
            </option>
          );
        })}
      </select>
    </Labeled>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="surface space-y-3 p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}
