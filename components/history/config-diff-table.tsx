// One line per configuration field: added (+), removed (−) and changed (~) lines are marked and
// coloured; unchanged ones are shown only on request.
import type { DiffLine } from "@/lib/history/config-diff";

const marks: Record<DiffLine["kind"], { sign: string; word: string; row: string }> = {
  added: { sign: "+", word: "added", row: "bg-green-50 dark:bg-green-950/40" },
  removed: { sign: "−", word: "removed", row: "bg-red-50 dark:bg-red-950/40" },
  changed: { sign: "~", word: "changed", row: "bg-amber-50 dark:bg-amber-950/40" },
  unchanged: { sign: " ", word: "unchanged", row: "" },
};

export function ConfigDiffTable({ lines, label, beforeTitle, afterTitle }: { lines: DiffLine[]; label: string; beforeTitle: string; afterTitle: string }) {
  if (!lines.length) return <p className="muted px-3 py-4 text-sm">No differences.</p>;
  return (
    <table className="w-full text-sm" aria-label={label}>
      <thead className="border-b border-[var(--border)] text-left text-xs">
        <tr>
          <th className="w-8 px-3 py-2 font-medium">
            <span className="sr-only">Change</span>
          </th>
          <th className="px-3 py-2 font-medium">Field</th>
          <th className="px-3 py-2 font-medium">{beforeTitle}</th>
          <th className="px-3 py-2 font-medium">{afterTitle}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.path} data-kind={l.kind} data-path={l.path} className={`border-b border-[var(--border)] last:border-0 ${marks[l.kind].row}`}>
            <td className="px-3 py-1.5 font-mono" aria-label={marks[l.kind].word} title={marks[l.kind].word}>
              {marks[l.kind].sign}
            </td>
            <td className="px-3 py-1.5">{l.label}</td>
            <td className={`px-3 py-1.5 font-mono text-xs break-all ${l.kind === "removed" || l.kind === "changed" ? "line-through decoration-red-500/60" : ""}`}>{l.before ?? ""}</td>
            <td className="px-3 py-1.5 font-mono text-xs break-all">{l.after ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
