"use client";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/form-message";

type Result = ActionResult<{ tags: { key: string; value: string }[] }>;

/** Writes owner and tier as App Runner tags (runway:owner, runway:tier) through TagResource. */
export function MirrorTagsButton({ id, action }: { id: string; action: (input: { id: string }) => Promise<Result> }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  return (
    <div className="space-y-1">
      <Button variant="secondary" disabled={pending} onClick={() => start(async () => setResult(await action({ id })))}>
        {pending ? "Tagging…" : "Mirror owner and tier to App Runner tags"}
      </Button>
      {result?.ok ? (
        <p role="status" className="muted text-xs">
          Tagged: {result.data.tags.map((t) => `${t.key}=${t.value}`).join(", ") || "owner and tier tags removed"}
        </p>
      ) : null}
      {result && !result.ok ? <InlineError message={result.message} /> : null}
    </div>
  );
}
