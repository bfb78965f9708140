"use client";
// Applies the schedule being edited to every service of a team, a tag or a catalog filter
// (one audited action; services that are not running or paused are listed as skipped).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export type BulkAction = (input: { team: string; tag: string; filter: string; schedule: unknown }) => Promise<ActionResult<{ applied: string[]; skipped: { name: string; reason: string }[] }>>;

export function BulkApply({ teams, draft, bulk }: { teams: string[]; draft: unknown; bulk: BulkAction }) {
  const [sel, setSel] = useState({ team: "", tag: "", filter: "" });
  const [result, setResult] = useState<Awaited<ReturnType<BulkAction>> | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const summary: ActionResult<unknown> | null = result?.ok
    ? { ok: true, data: null, message: `Applied to ${result.data.applied.length} service(s)${result.data.applied.length ? `: ${result.data.applied.join(", ")}` : ""}.${result.data.skipped.length ? ` Skipped ${result.data.skipped.map((s) => `${s.name} (${s.reason})`).join("; ")}.` : ""}` }
    : result;
  return (
    <details className="rounded-md border border-[var(--border)] px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium">Apply this schedule to many services</summary>
      <div className="mt-3 flex flex-wrap items-end gap-3" role="group" aria-label="Apply to many services">
        <label className="space-y-1 text-sm">
          <span className="block">Team</span>
          <select className="input !w-44" value={sel.team} onChange={(e) => setSel({ ...sel, team: e.target.value })}>
            <option value="">Any team</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block">Tag</span>
          <input className="input !w-40" value={sel.tag} onChange={(e) => setSel({ ...sel, tag: e.target.value })} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block">Catalog filter</span>
          <input className="input !w-72" placeholder="lifecycle=experimental&region=us-east-1" value={sel.filter} onChange={(e) => setSel({ ...sel, filter: e.target.value })} />
        </label>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const r = await bulk({ ...sel, schedule: draft });
              setResult(r);
              if (r.ok) router.refresh();
            })
          }
        >
          {pending ? "Applying…" : "Apply to matching services"}
        </Button>
      </div>
      <div className="mt-2">
        <FormMessage state={summary} />
      </div>
    </details>
  );
}
