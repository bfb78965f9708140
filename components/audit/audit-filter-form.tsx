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

/** A plain GET form: filters live in the URL, so a filtered view can be shared. */
export function AuditFilterForm({ values }: { values: Values }) {
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
      {input("action", "Action", "e.g. auth.sign_in")}
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
