"use client";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

/** A submit button that disables itself while its form's action runs. */
export function SubmitButton({ children, pendingText, variant = "primary", className = "", name, value, pending: pendingProp }: { children: React.ReactNode; pendingText?: string; variant?: ButtonVariant; className?: string; name?: string; value?: string; pending?: boolean }) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  // Disabled until hydrated (see useHydrated): a native submit would put the fields in the URL.
  const hydrated = useHydrated();
  return (
    <button type="submit" disabled={pending || !hydrated} aria-busy={pending} name={name} value={value} className={buttonClass(variant, className)}>
      {pending ? (pendingText ?? children) : children}
    </button>
  );
}
