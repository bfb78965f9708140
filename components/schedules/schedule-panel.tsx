// The service page's Schedule tab: what the schedule says (in its time zone), when it next
// pauses and resumes the service, what the scheduler last did and whether it is retrying,
// what it saves a month, and (for operators) the editor.
import { Fragment } from "react";
import type { AppRunnerClient } from "@aws-sdk/client-apprunner";
import { listTeams } from "@/lib/catalog/teams";
import { formatQuantity, formatUsd } from "@/lib/pricing/money";
import { getScheduleView, savingsFor, type SavingsView, type ScheduleView } from "@/lib/schedules/schedule-view";
import type { ServiceView } from "@/lib/services/service-view";
import { Badge } from "@/components/ui/badge";
import type { BulkAction } from "./bulk-apply";
import { ScheduleEditor, type DeleteScheduleAction, type SaveScheduleAction } from "./schedule-editor";

export interface ScheduleActions {
  save: SaveScheduleAction;
  remove: DeleteScheduleAction;
  bulk: BulkAction;
}

/** "Tue 1 Dec, 19:00" on the zone's clock */
const formatWallClock = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

/** "Tue 1 Dec, 19:00 (Europe/Berlin)" */
export function formatInZone(iso: string, timeZone: string): string {
  return `${formatWallClock(iso, timeZone)} (${timeZone})`;
}

const resultText: Record<string, string> = { paused: "paused the service", resumed: "resumed the service", unchanged: "found the service already as scheduled", failed: "could not apply the schedule", skipped: "skipped the service" };

export async function SchedulePanel({ view, client, canOperate, actions }: { view: ServiceView; client: AppRunnerClient; canOperate: boolean; actions: ScheduleActions }) {
  const schedule = await getScheduleView(view.arn);
  const [savings, teams] = await Promise.all([schedule ? savingsFor(client, view, schedule.schedule).catch(() => null) : null, canOperate ? listTeams() : []]);
  return (
    <div className="space-y-4">
      {schedule ? <ScheduleStatus s={schedule} /> : <p className="muted text-sm">No schedule. A schedule pauses this service outside the windows you give and resumes it inside them; a paused service costs nothing.</p>}
      {schedule && savings ? <SavingsTable s={savings} timeZone={schedule.schedule.timeZone} /> : null}
      {canOperate ? (
        <ScheduleEditor
          serviceArn={view.arn}
          initial={schedule ? schedule.schedule : null}
          timeZones={Intl.supportedValuesOf("timeZone")}
          teams={teams.map((t) => t.name)}
          save={actions.save}
          remove={actions.remove}
          bulk={actions.bulk}
        />
      ) : null}
    </div>
  );
}

function ScheduleStatus({ s }: { s: ScheduleView }) {
  const zone = s.schedule.timeZone;
  return (
    <section aria-label="Schedule status" className="surface space-y-2 p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">Runs {s.summary.join("; ")}</h2>
        <Badge tone="blue">{zone}</Badge>
        {!s.enabled ? <Badge tone="amber">Off</Badge> : null}
        {s.failures > 0 ? <Badge tone="red">Retrying</Badge> : null}
      </div>
      <p className="muted">Paused outside these windows{s.schedule.exceptions.length ? `; exceptions: ${s.schedule.exceptions.map((e) => `${e.date} ${e.state}`).join(", ")}` : ""}.</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {/* Whichever comes first, first. */}
        {(s.nextResume ?? "~") < (s.nextPause ?? "~")
          ? [resumeRow(s.nextResume, zone), pauseRow(s.nextPause, zone)]
          : [pauseRow(s.nextPause, zone), resumeRow(s.nextResume, zone)]}
        <dt className="muted">Last run</dt>
        <dd>{s.lastRunAt && s.lastResult ? `${formatInZone(s.lastRunAt, zone)}: ${resultText[s.lastResult] ?? s.lastResult}` : "not yet"}</dd>
      </dl>
      {s.failures > 0 || (s.lastError && s.lastResult !== "unchanged") ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          {s.lastError}
          {s.failures > 0 ? ` Failed ${s.failures} time${s.failures === 1 ? "" : "s"} in a row; retrying ${formatInZone(s.nextRunAt, zone)}.` : ""}
        </p>
      ) : null}
    </section>
  );
}

const pauseRow = (at: string | null, zone: string) => (
  <Fragment key="pause">
    <dt className="muted">Next pause</dt>
    <dd data-testid="next-pause">{at ? formatInZone(at, zone) : "none scheduled"}</dd>
  </Fragment>
);
const resumeRow = (at: string | null, zone: string) => (
  <Fragment key="resume">
    <dt className="muted">Next resume</dt>
    <dd data-testid="next-resume">{at ? formatInZone(at, zone) : "none scheduled"}</dd>
  </Fragment>
);

function SavingsTable({ s, timeZone }: { s: SavingsView; timeZone: string }) {
  return (
    <section aria-label="Schedule savings" className="surface space-y-2 p-4 text-sm">
      <h2 className="font-semibold">
        Saves <span data-testid="schedule-savings">{formatUsd(s.saved.total)}</span> a month
      </h2>
      <p className="muted" data-testid="savings-span">
        Over the next {s.spanHours} hours (the estimator&apos;s month), {formatWallClock(s.spanStart, timeZone)} to {formatWallClock(s.spanEnd, timeZone)} ({timeZone}), the schedule keeps the service paused for{" "}
        {formatQuantity(s.pausedHours)} hours: {Math.round(s.share * 100)}% of running all that time ({formatUsd(s.alwaysOn.total)}). Counted on the calendar, daylight-saving changes
        included; exception dates in that span: {s.exceptionsInSpan === 0 ? "none" : s.exceptionsInSpan}.
      </p>
      <p className="muted">
        Priced for {s.provisionedInstances} provisioned instance{s.provisionedInstances === 1 ? "" : "s"} of {s.sizeLabel}, idle during the paused hours (a paused service is not billed; active vCPU time it
        would have used is saved too).
      </p>
      <table className="data-table" aria-label="Savings by price line">
        <thead>
          <tr>
            <th>Line</th>
            <th className="text-right">Quantity</th>
            <th className="text-right">Unit price</th>
            <th className="text-right">Saved a month</th>
          </tr>
        </thead>
        <tbody>
          {s.saved.lines.map((l) => (
            <tr key={l.category}>
              <td>{l.label}</td>
              <td className="text-right">
                {formatQuantity(l.quantity)} {l.unit}
              </td>
              <td className="text-right">${l.unitPrice}</td>
              <td className="text-right">{formatUsd(l.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted text-xs">
        Prices: <a href={s.priceSource} className="hover:underline">{s.priceSource}</a>
      </p>
    </section>
  );
}
