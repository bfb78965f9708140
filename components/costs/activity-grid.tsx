"use client";
// The weekly activity pattern: 7 × 24 toggles, with presets. Dragging paints hours on or off.
import { useRef } from "react";
import { DAYS, presets, type PresetId } from "@/lib/pricing/activity-pattern";

export function ActivityGrid({ rows, onChange, error }: { rows: string[]; onChange: (rows: string[]) => void; error?: string[] }) {
  const painting = useRef<"1" | "0" | null>(null);
  const set = (d: number, h: number, v: "1" | "0") => {
    const row = rows[d] ?? "";
    if (row[h] === v) return;
    onChange(rows.map((r, i) => (i === d ? r.slice(0, h) + v + r.slice(h + 1) : r)));
  };
  const active = rows.reduce((s, r) => s + [...r].filter((c) => c === "1").length, 0);
  return (
    <fieldset className="space-y-2" aria-describedby={error?.length ? "activity-error" : undefined} onPointerUp={() => (painting.current = null)} onPointerLeave={() => (painting.current = null)}>
      <legend className="text-sm font-medium">Weekly activity (UTC)</legend>
      <div className="flex flex-wrap items-center gap-2">
        {(Object.keys(presets) as PresetId[]).map((id) => (
          <button key={id} type="button" className="rounded border border-[var(--border)] px-2 py-0.5 text-xs hover:bg-black/5 dark:hover:bg-white/10" onClick={() => onChange(presets[id].grid().map((d) => d.map((on) => (on ? "1" : "0")).join("")))}>
            {presets[id].label}
          </button>
        ))}
        <span className="muted text-xs" data-testid="active-hours-week">
          {active} active hours a week
        </span>
      </div>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-[2px] text-[10px]" role="grid" aria-label="Active hours by day">
          <thead>
            <tr>
              <th />
              {Array.from({ length: 24 }, (_, h) => (
                <th key={h} className="muted w-4 font-normal">
                  {h % 3 === 0 ? h : ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DAYS.map((day, d) => (
              <tr key={day}>
                <th className="muted pr-1 text-left font-normal">{day}</th>
                {Array.from({ length: 24 }, (_, h) => {
                  const on = rows[d]?.[h] === "1";
                  return (
                    <td key={h} className="p-0">
                      <button
                        type="button"
                        aria-label={`${day} ${h}:00`}
                        aria-pressed={on}
                        className={`block h-4 w-4 rounded-sm ${on ? "bg-[var(--accent)]" : "bg-black/10 dark:bg-white/10"}`}
                        onPointerDown={(e) => {
                          e.preventDefault();
                          painting.current = on ? "0" : "1";
                          set(d, h, painting.current);
                        }}
                        onPointerEnter={() => painting.current && set(d, h, painting.current)}
                        onKeyDown={(e) => {
                          if (e.key === " " || e.key === "Enter") {
                            e.preventDefault();
                            set(d, h, on ? "0" : "1");
                          }
                        }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error?.length ? (
        <p id="activity-error" role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
