"use client";
// A confirmation that floats under the buttons that opened it (absolute, so nothing around it
// moves), says what will happen, and takes Escape for Cancel.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

export function ConfirmPanel({
  label,
  children,
  confirmText,
  onConfirm,
  onCancel,
  pending,
  danger = false,
  confirmDisabled = false,
}: {
  label: string;
  children: ReactNode;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
  danger?: boolean;
  confirmDisabled?: boolean;
}) {
  return (
    <form
      aria-label={label}
      className="surface absolute top-full right-0 z-20 mt-2 w-[min(24rem,calc(100vw-2rem))] space-y-3 p-4 text-sm shadow-lg"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      {children}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending || confirmDisabled} autoFocus={!danger}>
          {confirmText}
        </Button>
      </div>
    </form>
  );
}
