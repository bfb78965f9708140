import Link from "next/link";
import { serviceOfArn, type AuditRow } from "@/lib/audit/fold-audit-events";
import { Badge, type Tone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";

const tone: Record<string, Tone> = { succeeded: "green", failed: "red", denied: "amber", requested: "blue" };

/** A service target by its name, linked to its page; other targets as they are. */
function Target({ target }: { target: string | null }) {
  const service = serviceOfArn(target);
  if (!service) return <span className="break-all">{target ?? "—"}</span>;
  return (
    <Link href={`/services/${service.region}/${service.id}`} className="text-[var(--accent)] hover:underline" title={target ?? undefined}>
      {service.name}
    </Link>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) {
    return <div className="surface muted p-8 text-center text-sm">No audit events match these filters.</div>;
  }
  return (
    <div className="surface overflow-x-auto">
      <table className="data-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>Time</th>
            <th>Actor</th>
            <th>Action</th>
            <th>Target</th>
            <th>Where</th>
            <th>Result</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} data-testid="audit-row" data-result={e.result} data-folded={e.requestedAt ? "true" : undefined}>
              <td className="font-mono text-xs whitespace-nowrap">
                <div>
                  <Time value={e.createdAt} seconds />
                </div>
                {e.requestedAt ? <div className="muted">
                    requested <Time value={e.requestedAt} seconds timeOnly zone={false} />
                  </div> : null}
              </td>
              <td>
                <div>{e.actor ?? "—"}</div>
                {e.role ? <div className="muted text-xs">{e.role}</div> : null}
              </td>
              <td className="font-mono text-xs">{e.action}</td>
              <td className="max-w-64 text-xs">
                <Target target={e.target} />
              </td>
              <td className="text-xs">
                {e.connection ? <div>{e.connection}</div> : null}
                {e.region ? <div className="muted">{e.region}</div> : null}
                <div className="muted" title={e.userAgent ?? undefined}>
                  {e.ip ?? ""}
                </div>
              </td>
              <td>
                <Badge tone={tone[e.result] ?? "neutral"}>{e.result}</Badge>
                {e.requestedAt ? <div className="muted mt-0.5 text-xs">after requested</div> : null}
              </td>
              <td className="max-w-80 text-xs">
                {e.error ? <div className="text-red-700 dark:text-red-400">{e.error}</div> : null}
                {e.request || serviceOfArn(e.target) ? (
                  <details>
                    <summary className="muted cursor-pointer">details</summary>
                    {serviceOfArn(e.target) ? <div className="mt-1 font-mono text-[11px] break-all">{e.target}</div> : null}
                    {e.request ? <pre className="mt-1 font-mono text-[11px] break-all whitespace-pre-wrap">{e.request}</pre> : null}
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
