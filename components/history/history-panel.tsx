"use client";
// The History tab: every version of the service, newest first, any two of them diffed field by
// field, and (for operators) a rollback to any version, diff and confirmation first.
import { useMemo, useState } from "react";
import { diffConfigs } from "@/lib/history/config-diff";
import type { ServiceHistory } from "@/lib/history/load-history";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { ConfigDiffTable } from "./config-diff-table";
import { RollbackDialog, type RollbackAction } from "./rollback-dialog";
import { changeLabel } from "./version-labels";

export function HistoryPanel({ history, serviceArn, servicePath, rollback }: { history: ServiceHistory; serviceArn: string; servicePath: string; rollback?: RollbackAction }) {
  const { versions, live, previews } = history;
  const [toId, setToId] = useState(versions[0]?.id ?? "");
  const [fromId, setFromId] = useState(versions[1]?.id ?? versions[0]?.id ?? "");
  const [showAll, setShowAll] = useState(false);
  const [rollingBack, setRollingBack] = useState<string | null>(null);
  const from = versions.find((v) => v.id === fromId);
  const to = versions.find((v) => v.id === toId);
  const lines = useMemo(() => diffConfigs(from?.config, to?.config), [from, to]);
  const shown = showAll ? lines : lines.filter((l) => l.kind !== "unchanged");
  const target = versions.find((v) => v.id === rollingBack);

  if (!versions.length) return <p className="surface muted p-4 text-sm">No versions yet. Runway records one after each change it makes, and when a read finds a change made elsewhere.</p>;

  return (
    <div className="space-y-4">
      <div className="surface overflow-x-auto">
        <table className="w-full text-sm" aria-label="Versions">
          <thead className="border-b border-[var(--border)] text-left text-xs">
            <tr>
              <th className="px-3 py-2 font-medium">Version</th>
              <th className="px-3 py-2 font-medium">Change</th>
              <th className="px-3 py-2 font-medium">By</th>
              <th className="px-3 py-2 font-medium">When</th>
              <th className="px-3 py-2 font-medium">Operation</th>
              {rollback ? (
                <th className="px-3 py-2 font-medium">
                  <span className="sr-only">Rollback</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => {
              const preview = previews[v.id];
              return (
                <tr key={v.id} className="border-b border-[var(--border)] last:border-0" data-version={v.number} data-version-id={v.id} data-origin={v.origin}>
                  <td className="px-3 py-2 font-medium whitespace-nowrap">
                    v{v.number} {i === 0 ? <Badge tone="blue">latest</Badge> : null}
                  </td>
                  <td className="px-3 py-2">{changeLabel(v)}</td>
                  <td className="px-3 py-2">{v.origin === "outside" ? <Badge tone="amber">outside Runway</Badge> : (v.author ?? "—")}</td>
                  <td className="px-3 py-2 whitespace-nowrap"><Time value={v.createdAt} seconds /></td>
                  <td className="muted px-3 py-2 font-mono text-xs">{v.operationId ?? "—"}</td>
                  {rollback ? (
                    <td className="px-3 py-2 text-right">
                      <Button variant="secondary" className="text-xs whitespace-nowrap" disabled={!preview || Boolean(preview.blocked)} title={preview?.blocked} onClick={() => setRollingBack(v.id)} aria-label={`Roll back to v${v.number}`}>
                        Roll back
                      </Button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {rollback && target && previews[target.id] ? (
        <RollbackDialog key={target.id} version={target} live={live} preview={previews[target.id]!} serviceArn={serviceArn} servicePath={servicePath} rollback={rollback} onClose={() => setRollingBack(null)} />
      ) : null}

      <section className="surface space-y-3 p-3" aria-label="Compare versions">
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            <span className="muted text-xs">From version</span>
            <select className="input" value={fromId} onChange={(e) => setFromId(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>{`v${v.number}`}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="muted text-xs">To version</span>
            <select className="input" value={toId} onChange={(e) => setToId(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>{`v${v.number}`}</option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            Show unchanged fields
          </label>
          <span className="muted text-xs">
            <span className="font-mono">+</span> added · <span className="font-mono">−</span> removed · <span className="font-mono">~</span> changed
          </span>
        </div>
        <div className="overflow-x-auto rounded border border-[var(--border)]">
          <ConfigDiffTable lines={shown} label="Differences" beforeTitle={from ? `v${from.number}` : "Before"} afterTitle={to ? `v${to.number}` : "After"} />
        </div>
      </section>
    </div>
  );
}
