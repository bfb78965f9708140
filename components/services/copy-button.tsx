"use client";
// Copies a value (a DNS record name or target) exactly, so nobody retypes a 60-character token.
import { useState } from "react";

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={`Copy ${label}`}
      className="shrink-0 rounded border border-[var(--border)] px-1.5 py-0.5 text-[11px] hover:bg-black/5 dark:hover:bg-white/10"
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1_500);
        });
      }}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
