"use client";
// On the service page: switch the service to another auto scaling configuration (UpdateService).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/form-message";
import type { ApplyAction } from "./revision-actions";

export function ApplyAutoScalingForm({ serviceArn, current, options, apply }: { serviceArn: string; current?: string; options: { arn: string; label: string }[]; apply: ApplyAction }) {
  const [arn, setArn] = useState(current ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  return (
    <form
      className="mt-1 flex flex-wrap items-center gap-2"
      aria-label="Change auto scaling configuration"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        startTransition(async () => {
          const r = await apply({ arn, serviceArn });
          if (!r.ok) return setError(r.message);
          const sp = new URLSearchParams(window.location.search);
          if (r.data.operationId) sp.set("op", r.data.operationId);
          router.push(`${window.location.pathname}?${sp}`);
          router.refresh();
        });
      }}
    >
      <select aria-label="Auto scaling configuration" className="input !w-64 max-w-full !py-0.5" value={arn} onChange={(e) => setArn(e.target.value)}>
        {options.map((o) => (
          <option key={o.arn} value={o.arn}>
            {o.label}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" className="!py-0.5 text-xs" disabled={pending || !arn || arn === current}>
        Apply
      </Button>
      <InlineError message={error} />
    </form>
  );
}
