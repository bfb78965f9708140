import Link from "next/link";
import { auditResults } from "@/lib/audit/audit-filters";
import { buttonClass } from "@/components/ui/button";

interface Values {
  actor?: string;
  action?: string;
  result?: string;
  target?: string;
  from?: string;
  to?: string;
}

/** "service.domain.associate" → "Service: domain associate" (the table keeps the recorded name). */
const actionLabel = (a: string) => {
  const [area = "", ...rest] = a.split(".");
  const words = rest.join(" ").replace(/_/g, " ");
  return `${area.charAt(0).toUpperCase()}${area.slice(1)}${words ? `: ${words}` : ""}`;
};

/** A plain GET form: filters live in the URL, so a filtered view can be shared. */
/** `actions` are the actions recorded so far: the filter offers those, by their recorded names. */
export function AuditFilterForm({ values, actions }: { values: Values; actions: string[] }) {
  // Date-time inputs need 12rem to show their whole "mm/dd/yyyy, --:-- --" face.
  const input = (name: keyof Values, label: string, placeholder: string, type = "text") => (
    <label className={`flex ${type === "datetime-local" ? "min-w-48" : "min-w-32"} flex-1 flex-col gap-1 text-xs font-medium`}>
      {label}
      <input name={name} type={type} defaultValue={values[name] ?? ""} placeholder={placeholder} className="input" />
    </label>
  );
  return (
    <form method="get" action="/audit" className="surface mb-4 flex flex-wrap items-end gap-3 p-3" role="search" aria-label="Filter audit events">
      {input("actor", "Actor", "email")}
      <label className="flex min-w-40 flex-1 flex-col gap-1 text-xs font-medium">
        Action
        <select name="action" defaultValue={values.action ?? ""} className="input">
          <option value="">Any</option>
          {/* A shared link may name an action this list does not hold (e.g. a partial one). */}
          {values.action && !actions.includes(values.action) ? <option value={values.action}>{values.action}</option> : null}
          {actions.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-28 flex-col gap-1 text-xs font-medium">
        Result
        <select name="result" defaultValue={values.result ?? ""} className="input">
          <option value="">Any</option>
          {auditResults.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {input("target", "Target", "ARN, id or email")}
      {input("from", "From", "", "datetime-local")}
      {input("to", "To", "", "datetime-local")}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        <Link href="/audit" className={buttonClass("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
