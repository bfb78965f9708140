import type { AuditEventView } from "@/lib/audit/audit-events";
import { Badge, type Tone } from "@/components/ui/badge";

const tone: Record<string, Tone> = { succeeded: "green", failed: "red", denied: "amber", requested: "blue" };

export function AuditTable({ events }: { events: AuditEventView[] }) {
  if (events.length === 0) {
    return <div className="surface muted p-8 text-center text-sm">No audit events match these filters.</div>;
  }
  return (
    <div className="surface overflow-x-auto">
      <table className="data-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>Time (UTC)</th>
            <th>Actor</th>
            <th>Action</th>
            <th>Target</th>
            <th>Where</th>
            <th>Result</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td className="whitespace-nowrap font-mono text-xs">{e.createdAt.replace("T", " ").slice(0, 19)}</td>
              <td>
                <div>{e.actor ?? "—"}</div>
                {e.role ? <div className="muted text-xs">{e.role}</div> : null}
              </td>
              <td className="font-mono text-xs">{e.action}</td>
              <td className="max-w-64 break-all text-xs">{e.target ?? "—"}</td>
              <td className="text-xs">
                {e.connection ? <div>{e.connection}</div> : null}
                {e.region ? <div className="muted">{e.region}</div> : null}
                <div className="muted" title={e.userAgent ?? undefined}>
                  {e.ip ?? ""}
                </div>
              </td>
              <td>
                <Badge tone={tone[e.result] ?? "neutral"}>{e.result}</Badge>
              </td>
              <td className="max-w-80 text-xs">
                {e.error ? <div className="text-red-700 dark:text-red-400">{e.error}</div> : null}
                {e.request ? (
                  <details>
                    <summary className="muted cursor-pointer">request</summary>
                    <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-[11px]">{e.request}</pre>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
