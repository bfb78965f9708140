// The catalog list's search, filters and grouping: parsed from and written to the URL (so a
// view can be shared), and applied to rows in the browser as the user types. Pure, no imports
// beyond types: both the server page and the client list use it.
import type { ReadinessScore } from "./readiness-rules";

export interface CatalogRow {
  id: string;
  arn: string;
  name: string;
  description: string;
  tags: string[];
  owner: string | null;
  system: string | null;
  tier: number | null;
  lifecycle: string;
  connectionId: string;
  connection: string;
  region: string;
  status: string;
  gone: boolean;
  url: string | null;
  score: ReadinessScore;
}

export const groupings = ["none", "team", "system"] as const;
export type Grouping = (typeof groupings)[number];
/** team filter value for entries without an owner (not a valid team name, so no clash) */
export const NO_OWNER = "~none";
export const GONE = "gone";

export interface CatalogQuery {
  q: string;
  team: string;
  tier: string;
  lifecycle: string;
  connection: string;
  region: string;
  status: string;
  group: Grouping;
}

export const emptyQuery: CatalogQuery = { q: "", team: "", tier: "", lifecycle: "", connection: "", region: "", status: "", group: "none" };
const keys = Object.keys(emptyQuery) as (keyof CatalogQuery)[];

export function parseCatalogQuery(params: Record<string, string | string[] | undefined> | URLSearchParams): CatalogQuery {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";
  };
  const group = get("group");
  return {
    q: get("q"),
    team: get("team"),
    tier: /^[123]$/.test(get("tier")) ? get("tier") : "",
    lifecycle: get("lifecycle"),
    connection: get("connection"),
    region: get("region"),
    status: get("status"),
    group: (groupings as readonly string[]).includes(group) ? (group as Grouping) : "none",
  };
}

export function catalogSearch(query: CatalogQuery): string {
  const p = new URLSearchParams();
  for (const k of keys) {
    const v = query[k];
    if (v && !(k === "group" && v === "none")) p.set(k, v);
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Lower-cased text searched for each row; build once per row list, not per keystroke. */
export function searchText(r: CatalogRow): string {
  return [r.name, r.description, r.tags.join(" "), r.owner ?? "", r.system ?? ""].join("\n").toLowerCase();
}

export function filterCatalog(rows: readonly CatalogRow[], query: CatalogQuery, texts?: readonly string[]): CatalogRow[] {
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  const out: CatalogRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (query.team && (query.team === NO_OWNER ? r.owner !== null : r.owner !== query.team)) continue;
    if (query.tier && String(r.tier ?? "") !== query.tier) continue;
    if (query.lifecycle && r.lifecycle !== query.lifecycle) continue;
    if (query.connection && r.connectionId !== query.connection) continue;
    if (query.region && r.region !== query.region) continue;
    if (query.status && (query.status === GONE ? !r.gone : r.gone || r.status !== query.status)) continue;
    if (words.length) {
      const text = texts?.[i] ?? searchText(r);
      if (!words.every((w) => text.includes(w))) continue;
    }
    out.push(r);
  }
  return out;
}

export function groupRows(rows: readonly CatalogRow[], group: Grouping): { key: string; label: string; rows: CatalogRow[] }[] {
  if (group === "none") return [{ key: "all", label: "", rows: [...rows] }];
  const map = new Map<string, CatalogRow[]>();
  for (const r of rows) {
    const k = (group === "team" ? r.owner : r.system) ?? "";
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return [...map]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))
    .map(([k, rs]) => ({ key: k || "~none", label: k || (group === "team" ? "No owner" : "No system"), rows: rs }));
}
