"use client";
// The catalog list: search as you type and filters applied in the browser over the rows the
// server sent (2,000 entries filter in a few ms; a server round trip per keystroke would not
// keep up), with the query mirrored into the URL so a view can be shared.
import Link from "next/link";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { GONE, NO_OWNER, catalogSearch, filterCatalog, groupRows, groupings, searchText, type CatalogQuery, type CatalogRow } from "@/lib/catalog/catalog-query";
import { lifecycles } from "@/lib/catalog/catalog-constants";
import { EntryStatus, OwnerCell, ScoreBadge, TierBadge } from "./catalog-badges";
import { statusLabel } from "@/lib/services/status-labels";

const PAGE = 100;

export interface CatalogOptions {
  teams: string[];
  connections: { id: string; name: string }[];
  regions: string[];
  statuses: string[];
}

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-0.5 text-xs font-medium">
      {label}
      <select aria-label={`Filter by ${label.toLowerCase()}`} className="input min-w-[8rem]" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}

export function CatalogBrowser({ rows, initial, options }: { rows: CatalogRow[]; initial: CatalogQuery; options: CatalogOptions }) {
  const [query, setQuery] = useState(initial);
  const [limit, setLimit] = useState(PAGE);
  const texts = useMemo(() => rows.map(searchText), [rows]);
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => filterCatalog(rows, deferred, texts), [rows, deferred, texts]);
  const groups = useMemo(() => groupRows(shown.slice(0, limit), deferred.group), [shown, limit, deferred.group]);
  const unowned = useMemo(() => rows.filter((r) => !r.owner && !r.gone).length, [rows]);

  useEffect(() => {
    // replaceState, not router.replace: the list is already here, no server render needed.
    window.history.replaceState(window.history.state, "", `/catalog${catalogSearch(query)}`);
  }, [query]);

  const set = (k: keyof CatalogQuery) => (v: string) => {
    setLimit(PAGE);
    setQuery((q) => ({ ...q, [k]: v }));
  };

  return (
    <div className="space-y-3">
      <div role="search" className="surface flex flex-wrap items-end gap-2 p-3">
        <label className="flex min-w-[16rem] flex-1 flex-col gap-0.5 text-xs font-medium">
          Search
          <input
            type="search"
            aria-label="Search catalog"
            placeholder="Name, description, tag, owner or system"
            className="input"
            value={query.q}
            onChange={(e) => set("q")(e.target.value)}
            autoFocus={!!initial.q}
          />
        </label>
        <Select label="Team" value={query.team} onChange={set("team")}>
          <option value="">All teams</option>
          <option value={NO_OWNER}>No owner</option>
          {options.teams.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
        <Select label="Tier" value={query.tier} onChange={set("tier")}>
          <option value="">All tiers</option>
          <option value="1">1 · critical</option>
          <option value="2">2</option>
          <option value="3">3</option>
        </Select>
        <Select label="Lifecycle" value={query.lifecycle} onChange={set("lifecycle")}>
          <option value="">All lifecycles</option>
          {lifecycles.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </Select>
        <Select label="Connection" value={query.connection} onChange={set("connection")}>
          <option value="">All connections</option>
          {options.connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select label="Region" value={query.region} onChange={set("region")}>
          <option value="">All regions</option>
          {options.regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
        <Select label="Status" value={query.status} onChange={set("status")}>
          <option value="">All statuses</option>
          {options.statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
          <option value={GONE}>gone</option>
        </Select>
        <Select label="Group by" value={query.group} onChange={set("group")}>
          {groupings.map((g) => (
            <option key={g} value={g}>
              {g === "none" ? "No grouping" : g}
            </option>
          ))}
        </Select>
      </div>

      <p className="muted flex flex-wrap gap-3 text-sm">
        <span data-testid="catalog-count" aria-live="polite">
          {shown.length === rows.length ? `${rows.length} entries` : `${shown.length} of ${rows.length} entries`}
        </span>
        {unowned ? (
          <button type="button" className="text-amber-700 underline dark:text-amber-400" onClick={() => set("team")(NO_OWNER)}>
            {unowned} without an owner
          </button>
        ) : null}
      </p>

      {shown.length === 0 ? (
        <p className="muted surface p-6 text-center text-sm">{rows.length ? "No entries match this search." : "The catalog is empty: sync it to create an entry per App Runner service."}</p>
      ) : (
        <div className="surface overflow-x-auto">
          <table className="data-table" data-testid="catalog-table">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Owner</th>
                <th scope="col">Tier</th>
                <th scope="col">Lifecycle</th>
                <th scope="col">System</th>
                <th scope="col">Status</th>
                <th scope="col">Where</th>
                <th scope="col">Readiness</th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.key}>
                {g.label ? (
                  <tr>
                    <th colSpan={8} scope="colgroup" className="bg-black/[.03] text-left text-xs font-semibold uppercase tracking-wide dark:bg-white/5">
                      {g.label} <span className="muted font-normal">({g.rows.length})</span>
                    </th>
                  </tr>
                ) : null}
                {g.rows.map((r) => (
                  <tr key={r.id} data-testid="catalog-row">
                    <td>
                      <Link href={`/catalog/${r.id}`} className="font-medium hover:underline">
                        {r.name}
                      </Link>
                      {r.description ? <div className="muted max-w-xs truncate text-xs">{r.description}</div> : null}
                    </td>
                    <td>
                      <OwnerCell owner={r.owner} />
                    </td>
                    <td>
                      <TierBadge tier={r.tier} />
                    </td>
                    <td>{r.lifecycle}</td>
                    <td>{r.system ?? <span className="muted">—</span>}</td>
                    <td>
                      <EntryStatus status={r.status} gone={r.gone} />
                    </td>
                    <td className="muted text-xs">
                      {r.connection}
                      <br />
                      {r.region}
                    </td>
                    <td>
                      <ScoreBadge score={r.score} />
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {shown.length > limit ? (
        <button type="button" className="text-sm underline" onClick={() => setLimit((l) => l + PAGE * 5)}>
          Show more ({shown.length - limit} not shown)
        </button>
      ) : null}
    </div>
  );
}
