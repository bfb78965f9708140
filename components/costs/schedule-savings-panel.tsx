// Costs page: what the pause/resume schedules save a month, per service and in total.
import Link from "next/link";
import { scheduleSavingsRows } from "@/lib/costs/schedule-savings";
import { formatUsd } from "@/lib/pricing/money";
import { Badge } from "@/components/ui/badge";

const utc = (iso: string) => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

export async function ScheduleSavingsPanel() {
  const { rows, total, spanStart, spanEnd, spanHours } = await scheduleSavingsRows();
  return (
    <section className="surface overflow-x-auto" aria-label="Schedule savings">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-3 pt-3">
        <h2 className="text-sm font-semibold">Scheduled pause and resume: savings a month</h2>
        <p className="text-sm">
          Total <span className="font-semibold tabular-nums" data-testid="schedule-savings-total">{formatUsd(total)}</span>
        </p>
      </div>
      <p className="muted px-3 pt-1 text-xs" data-testid="schedule-savings-span">
        Each figure covers the next {spanHours} hours (the estimator&apos;s month), {utc(spanStart)} to {utc(spanEnd)} UTC, on each schedule&apos;s own calendar: its exception dates and
        daylight-saving changes in that span count.
      </p>
      <table className="data-table" aria-label="Savings per scheduled service">
        <thead>
          <tr>
            <th>Service</th>
            <th>Runs</th>
            <th className="text-right">Running all month</th>
            <th className="text-right">Saved a month</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted text-center text-sm">
                No schedules yet. Add one on a service&apos;s Schedule tab.
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={`${r.region}/${r.serviceId}`}>
                <td>
                  <Link href={`/services/${r.region}/${r.serviceId}?tab=schedule`} className="font-medium hover:underline">
                    {r.serviceName}
                  </Link>{" "}
                  {!r.enabled ? <Badge tone="amber">off</Badge> : null}
                </td>
                <td>
                  {r.summary.join("; ")} <span className="muted text-xs">{r.timeZone}</span>
                </td>
                <td className="text-right tabular-nums">{r.alwaysOn === null ? "—" : formatUsd(r.alwaysOn)}</td>
                <td className="text-right tabular-nums">{r.monthlySaving === null ? <span className="muted text-xs">{r.error}</span> : formatUsd(r.monthlySaving)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
