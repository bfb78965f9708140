// A service's cost from real usage: cost per day by item, the projected month, and what was
// measured versus assumed. Rendered on /costs/usage/... and in the service page's Cost tab.
import Link from "next/link";
import type { ServiceUsage } from "@/lib/costs/service-usage";
import { formatQuantity, formatUsd } from "@/lib/pricing/money";
import { sizeLabel } from "@/lib/pricing/instance-sizes";
import { BreakdownTable } from "@/components/costs/breakdown-table";
import { LazyCostChart } from "@/components/costs/lazy-cost-chart";
import { Stat } from "@/components/costs/scenario-results";
import { SaveUsageForm, type SaveUsage } from "@/components/costs/save-usage-form";

const dayChoices = [1, 7, 14, 30];

export function UsagePanel({ usage, basePath, save }: { usage: ServiceUsage; basePath: string; save?: SaveUsage }) {
  const e = usage.estimate;
  const sep = basePath.includes("?") ? "&" : "?";
  return (
    <div className="space-y-4" data-testid="usage-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="muted text-sm">
          {usage.service.name} · {sizeLabel(usage.size)} · MinSize {usage.minSize} · auto-deploy {usage.autoDeploy ? "on" : "off"} · {usage.table.region} prices checked {usage.table.checkedAt}
        </p>
        <nav className="flex gap-1" aria-label="Period">
          {dayChoices.map((d) => (
            <Link key={d} href={`${basePath}${sep}days=${d}`} aria-current={d === usage.days ? "page" : undefined} className={`rounded border px-2 py-0.5 text-xs ${d === usage.days ? "border-[var(--accent)] font-medium" : "border-[var(--border)]"}`}>
              {d} {d === 1 ? "day" : "days"}
            </Link>
          ))}
        </nav>
      </div>
      <div className="grid gap-3 sm:grid-cols-4">
        <Stat label="Projected month" value={formatUsd(e.projectedMonth.total)} testId="projected-month" />
        <Stat
          label={`Last ${usage.days} ${usage.days === 1 ? "day" : "days"}`}
          value={formatUsd(e.periodTotal)}
          hint={e.hours < usage.days * 24 ? `the ${e.hours} ${e.hours === 1 ? "hour" : "hours"} since it was created, without the monthly auto-deploy fee` : "without the monthly auto-deploy fee"}
        />
        <Stat label="Active instance-hours (measured)" value={formatQuantity(e.activeInstanceHours)} testId="active-instance-hours" />
        <Stat label="Requests (measured)" value={formatQuantity(e.requests)} />
      </div>
      <section className="surface p-3" aria-label="Cost per day">
        <h3 className="mb-2 text-sm font-semibold">Cost per day</h3>
        <LazyCostChart rows={e.days.map((d) => ({ label: d.day.slice(5), values: d.byCategory }))} title="Cost per day by item" />
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="surface overflow-x-auto" aria-label="Projected month breakdown">
          <BreakdownTable breakdown={e.projectedMonth} caption="Projected month" hideZero />
        </section>
        <div className="space-y-3">
          <Facts title="Measured" items={e.measured} />
          <Facts title="Assumed" items={e.assumed} />
          <p className="muted text-xs">Read in {Math.round(usage.readMs)} ms.</p>
        </div>
      </div>
      {save ? <SaveUsageForm save={save} region={usage.service.region} serviceId={usage.service.id} days={usage.days} defaultName={`${usage.service.name}, last ${usage.days} days`} /> : null}
    </div>
  );
}

function Facts({ title, items }: { title: string; items: string[] }) {
  return (
    <section className="surface p-3" aria-label={title}>
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      <ul className="list-disc space-y-0.5 pl-5 text-sm">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </section>
  );
}
