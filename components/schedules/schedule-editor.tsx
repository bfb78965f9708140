"use client";
// Edits one service's schedule: the time zone, weekly windows when it runs, and single dates
// that override them. Errors come back from the server keyed by path ("windows.1.start") and
// are shown at their control; nothing is saved until the whole schedule is valid.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { dayNames, type ScheduleException, type WeeklyWindow } from "@/lib/schedules/schedule-model";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { BulkApply, type BulkAction } from "./bulk-apply";

type Draft = { timeZone: string; windows: WeeklyWindow[]; exceptions: ScheduleException[] };
export type SaveScheduleAction = (input: { serviceArn: string; schedule: unknown }) => Promise<ActionResult<{ saved: boolean }>>;
export type DeleteScheduleAction = (input: { serviceArn: string }) => Promise<ActionResult<{ deleted: boolean }>>;

const workdays: Draft = { timeZone: "UTC", windows: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "19:00" }], exceptions: [] };

function FieldError({ errors, path }: { errors: Record<string, string[] | undefined>; path: string }) {
  const e = errors[path];
  return e?.length ? (
    <p id={`${path}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
      {e.join(" ")}
    </p>
  ) : null;
}

export function ScheduleEditor({ serviceArn, initial, timeZones, teams, save, remove, bulk }: { serviceArn: string; initial: Draft | null; timeZones: string[]; teams: string[]; save: SaveScheduleAction; remove: DeleteScheduleAction; bulk: BulkAction }) {
  const [draft, setDraft] = useState<Draft>(initial ?? workdays);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const invalid = (path: string) => (errors[path]?.length ? { "aria-invalid": true as const, "aria-describedby": `${path}-error` } : {});
  const setWindow = (i: number, w: Partial<WeeklyWindow>) => setDraft((d) => ({ ...d, windows: d.windows.map((x, j) => (j === i ? { ...x, ...w } : x)) }));
  const setException = (i: number, e: Partial<ScheduleException>) => setDraft((d) => ({ ...d, exceptions: d.exceptions.map((x, j) => (j === i ? { ...x, ...e } : x)) }));
  const run = (fn: () => Promise<ActionResult<unknown>>, success: string) =>
    startTransition(async () => {
      const r = await fn();
      setResult(r.ok ? { ...r, message: success } : r);
      if (r.ok) router.refresh();
    });

  return (
    <form
      aria-label="Schedule"
      className="surface space-y-4 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => save({ serviceArn, schedule: draft }), "Schedule saved. The scheduler applies it within seconds.");
      }}
    >
      <div className="space-y-1">
        <label htmlFor="timeZone" className="block text-sm font-medium">
          Time zone
        </label>
        <input id="timeZone" className="input !w-72" list="time-zones" value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} {...invalid("timeZone")} />
        <datalist id="time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <FieldError errors={errors} path="timeZone" />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Runs during (paused otherwise)</legend>
        <FieldError errors={errors} path="windows" />
        {draft.windows.map((w, i) => (
          <div key={i} role="group" aria-label={`Window ${i + 1}`} className="flex flex-wrap items-center gap-3 rounded-md border border-[var(--border)] px-3 py-2">
            <span className="flex gap-2">
              {dayNames.map((name, d) => (
                <label key={name} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={w.days.includes(d + 1)}
                    onChange={(e) => setWindow(i, { days: e.target.checked ? [...w.days, d + 1].sort((a, b) => a - b) : w.days.filter((x) => x !== d + 1) })}
                  />
                  {name}
                </label>
              ))}
            </span>
            <label className="flex items-center gap-1 text-sm">
              From
              <input className="input !w-20" aria-label={`Window ${i + 1} start`} placeholder="HH:MM" value={w.start} onChange={(e) => setWindow(i, { start: e.target.value })} {...invalid(`windows.${i}.start`)} />
            </label>
            <label className="flex items-center gap-1 text-sm">
              to
              <input className="input !w-20" aria-label={`Window ${i + 1} end`} placeholder="HH:MM" value={w.end} onChange={(e) => setWindow(i, { end: e.target.value })} {...invalid(`windows.${i}.end`)} />
            </label>
            <Button type="button" variant="ghost" className="text-xs" onClick={() => setDraft({ ...draft, windows: draft.windows.filter((_, j) => j !== i) })}>
              Remove window {i + 1}
            </Button>
            {["days", "start", "end"].some((f) => errors[`windows.${i}.${f}`]?.length) ? (
              <div className="basis-full">
                {["days", "start", "end"].map((f) => (
                  <FieldError key={f} errors={errors} path={`windows.${i}.${f}`} />
                ))}
              </div>
            ) : null}
          </div>
        ))}
        <Button type="button" variant="secondary" className="text-xs" onClick={() => setDraft({ ...draft, windows: [...draft.windows, { days: [6], start: "10:00", end: "14:00" }] })}>
          Add window
        </Button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Exceptions (whole days)</legend>
        {draft.exceptions.map((x, i) => (
          <div key={i} role="group" aria-label={`Exception ${i + 1}`} className="flex flex-wrap items-center gap-3">
            <input type="date" className="input !w-44" aria-label={`Exception ${i + 1} date`} value={x.date} onChange={(e) => setException(i, { date: e.target.value })} {...invalid(`exceptions.${i}.date`)} />
            <select className="input !w-40" aria-label={`Exception ${i + 1} state`} value={x.state} onChange={(e) => setException(i, { state: e.target.value as ScheduleException["state"] })}>
              <option value="paused">Paused all day</option>
              <option value="running">Running all day</option>
            </select>
            <Button type="button" variant="ghost" className="text-xs" onClick={() => setDraft({ ...draft, exceptions: draft.exceptions.filter((_, j) => j !== i) })}>
              Remove exception {i + 1}
            </Button>
            <FieldError errors={errors} path={`exceptions.${i}.date`} />
          </div>
        ))}
        <Button type="button" variant="secondary" className="text-xs" onClick={() => setDraft({ ...draft, exceptions: [...draft.exceptions, { date: "", state: "paused" }] })}>
          Add exception
        </Button>
      </fieldset>

      <FormMessage state={result} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save schedule"}
        </Button>
        {initial ? (
          <Button type="button" variant="danger" disabled={pending} onClick={() => run(() => remove({ serviceArn }), "Schedule removed. The service stays as it is.")}>
            Remove schedule
          </Button>
        ) : null}
      </div>
      <BulkApply teams={teams} draft={draft} bulk={bulk} />
    </form>
  );
}
