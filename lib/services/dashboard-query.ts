// Dashboard search/filter/sort/page over ListServices rows, from URL search params. Pure.
import type { ServiceRow } from "./service-view";

export const sortKeys = ["name", "status", "region", "updated", "created"] as const;
export type SortKey = (typeof sortKeys)[number];
export const PAGE_SIZE = 50;

export interface DashboardQuery {
  q: string;
  status: string;
  sort: SortKey;
  dir: "asc" | "desc";
  allRegions: boolean;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function parseDashboardQuery(p: Params): DashboardQuery {
  const sort = one(p.sort) as SortKey;
  const page = Number(one(p.page));
  return {
    q: one(p.q).trim().slice(0, 100),
    status: one(p.status),
    sort: (sortKeys as readonly string[]).includes(sort) ? sort : "name",
    dir: one(p.dir) === "desc" ? "desc" : "asc",
    allRegions: one(p.regions) === "all",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function dashboardHref(q: DashboardQuery, patch: Partial<DashboardQuery>): string {
  const n = { ...q, ...patch };
  const sp = new URLSearchParams();
  if (n.q) sp.set("q", n.q);
  if (n.status) sp.set("status", n.status);
  if (n.sort !== "name") sp.set("sort", n.sort);
  if (n.dir !== "asc") sp.set("dir", n.dir);
  if (n.allRegions) sp.set("regions", "all");
  if (n.page > 1) sp.set("page", String(n.page));
  const s = sp.toString();
  return s ? `/services?${s}` : "/services";
}

const value = (r: ServiceRow, key: SortKey) =>
  key === "name" ? r.name.toLowerCase() : key === "status" ? r.status : key === "region" ? r.region : key === "updated" ? (r.updatedAt ?? "") : (r.createdAt ?? "");

export function applyDashboardQuery(rows: readonly ServiceRow[], q: DashboardQuery): { rows: ServiceRow[]; total: number; pages: number } {
  const needle = q.q.toLowerCase();
  const filtered = rows.filter(
    (r) => (q.status ? r.status === q.status : r.status !== "DELETED") && (!needle || r.name.toLowerCase().includes(needle) || r.id.includes(needle) || (r.url ?? "").toLowerCase().includes(needle)),
  );
  const sign = q.dir === "asc" ? 1 : -1;
  filtered.sort((a, b) => sign * value(a, q.sort).localeCompare(value(b, q.sort)) || a.name.localeCompare(b.name));
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  return { rows: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: filtered.length, pages };
}
