// No "use client": server components import buttonClass. Button itself is rendered only inside
// client components (it uses a hook).
import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-[var(--accent)] text-white hover:opacity-90 border border-transparent",
  secondary: "bg-[var(--surface)] text-[var(--fg)] border border-[var(--border)] hover:bg-black/5 dark:hover:bg-white/5",
  danger: "bg-red-600 text-white hover:bg-red-700 border border-transparent",
  ghost: "text-[var(--fg)] hover:bg-black/5 dark:hover:bg-white/10 border border-transparent",
};

export function buttonClass(variant: ButtonVariant = "primary", extra = ""): string {
  return `inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-50 ${variants[variant]} ${extra}`;
}

/** Disabled until hydrated (see useHydrated): before that a click would be lost or submit natively. */
export function Button({ variant = "primary", className = "", type = "button", disabled, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  const hydrated = useHydrated();
  return <button type={type} className={buttonClass(variant, className)} disabled={disabled || !hydrated} {...rest} />;
}
