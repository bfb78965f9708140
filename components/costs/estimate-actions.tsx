"use client";
// Duplicate and delete for a saved estimate; the actions come in as props (components never
// import from app/).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/action-result";

type IdAction = (input: { id: string }) => Promise<ActionResult<{ id: string }>>;

export function EstimateActions({ id, name, editable, duplicate, remove }: { id: string; name: string; editable: boolean; duplicate: IdAction; remove: IdAction }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const run = (action: IdAction, then: (r: { id: string }) => string) =>
    start(async () => {
      const r = await action({ id });
      if (!r.ok) return setError(r.message);
      router.push(then(r.data));
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {error ? <ErrorBanner>{error}</ErrorBanner> : null}
      {editable ? (
        <Link href={`/costs/${id}/edit`} className={buttonClass("secondary")}>
          Edit
        </Link>
      ) : null}
      <Button variant="secondary" disabled={pending} onClick={() => run(duplicate, (d) => `/costs/${d.id}`)}>
        Duplicate
      </Button>
      {confirming ? (
        <span role="group" aria-label="Confirm delete" className="flex items-center gap-1">
          <span className="text-sm">Delete “{name}” and all its versions?</span>
          <Button variant="danger" disabled={pending} onClick={() => run(remove, () => "/costs")}>
            Yes, delete
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </span>
      ) : (
        <Button variant="danger" disabled={pending} onClick={() => setConfirming(true)}>
          Delete
        </Button>
      )}
    </div>
  );
}
