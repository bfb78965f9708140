import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

/** A labelled control with its field-level error (ids wired for screen readers). */
export function Field({ label, name, error, hint, children }: { label: string; name: string; error?: string[] | undefined; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error?.length ? <p className="muted text-xs">{hint}</p> : null}
      {error?.length ? (
        <p id={`${name}-error`} className="text-xs text-red-600 dark:text-red-400" role="alert">
          {error.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput({ name, error, ...rest }: InputHTMLAttributes<HTMLInputElement> & { name: string; error?: string[] | undefined }) {
  return <input id={name} name={name} className="input" aria-invalid={error?.length ? true : undefined} aria-describedby={error?.length ? `${name}-error` : undefined} {...rest} />;
}

export function SelectInput({ name, error, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { name: string; error?: string[] | undefined }) {
  return (
    <select id={name} name={name} className="input" aria-invalid={error?.length ? true : undefined} {...rest}>
      {children}
    </select>
  );
}
