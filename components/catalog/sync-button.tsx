"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SyncResult } from "@/lib/catalog/sync-catalog";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/form-message";

/** Sync now: ListServices in every connection and region, then the configuration of each service. */
export function SyncButton({ action }: { action: (input: Record<string, never>) => Promise<ActionResult<SyncResult>> }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<SyncResult> | null>(null);
  const router = useRouter();
  return (
    <div className="flex items-center gap-2">
      {result?.ok ? (
        <span role="status" className="muted text-sm" data-testid="sync-result">
          Synced {result.data.regions} region{result.data.regions === 1 ? "" : "s"}: {result.data.created} new, {result.data.updated} changed, {result.data.gone} gone
          {result.data.errors.length ? ` · ${result.data.errors.map((e) => `${e.connection} ${e.region}: ${e.message}`).join("; ")}` : ""}
        </span>
      ) : null}
      {result && !result.ok ? <InlineError message={result.message} /> : null}
      <Button
        variant="secondary"
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          start(async () => {
            const r = await action({});
            setResult(r);
            router.refresh();
          })
        }
      >
        {pending ? "Syncing…" : "Sync now"}
      </Button>
    </div>
  );
}
