// Saved estimates and their versions. A version is never rewritten: an edit adds one, and each
// keeps the price table it was computed with.
import "server-only";
import { db } from "@/lib/db";
import { ActionError } from "@/lib/actions/action-result";
import type { CostBreakdown } from "@/lib/pricing/cost-breakdown";
import type { PriceTable } from "@/lib/pricing/price-table";

export type EstimateKind = "scenario" | "usage";

export interface EstimateVersionView {
  id: string;
  version: number;
  name: string;
  notes: string | null;
  inputs: unknown;
  prices: PriceTable;
  monthlyTotal: number;
  breakdown: CostBreakdown;
  author: string | null;
  createdAt: string;
}

export interface EstimateSummary {
  id: string;
  kind: EstimateKind;
  region: string;
  serviceName: string | null;
  serviceArn: string | null;
  name: string;
  monthlyTotal: number;
  version: number;
  author: string | null;
  updatedAt: string;
}

export interface EstimateDetail extends Omit<EstimateSummary, "name" | "monthlyTotal" | "version"> {
  latest: EstimateVersionView;
  versions: EstimateVersionView[];
}

export interface NewVersion {
  name: string;
  notes?: string;
  inputs: unknown;
  prices: PriceTable;
  monthlyTotal: number;
  breakdown: CostBreakdown;
}

type VersionRow = { id: string; version: number; name: string; notes: string | null; inputs: string; prices: string; monthlyTotal: number; breakdown: string; author: string | null; createdAt: Date };

const toVersion = (v: VersionRow): EstimateVersionView => ({
  id: v.id,
  version: v.version,
  name: v.name,
  notes: v.notes,
  inputs: JSON.parse(v.inputs) as unknown,
  prices: JSON.parse(v.prices) as PriceTable,
  monthlyTotal: v.monthlyTotal,
  breakdown: JSON.parse(v.breakdown) as CostBreakdown,
  author: v.author,
  createdAt: v.createdAt.toISOString(),
});

const versionData = (v: NewVersion, author: { id: string; email: string }) => ({
  name: v.name,
  notes: v.notes ?? null,
  inputs: JSON.stringify(v.inputs),
  prices: JSON.stringify(v.prices),
  monthlyTotal: v.monthlyTotal,
  breakdown: JSON.stringify(v.breakdown),
  authorId: author.id,
  author: author.email,
});

export async function listEstimates(): Promise<EstimateSummary[]> {
  const rows = await db.costEstimate.findMany({ orderBy: [{ updatedAt: "desc" }, { id: "desc" }], include: { versions: { orderBy: { version: "desc" }, take: 1 } }, take: 500 });
  return rows.flatMap((r) => {
    const v = r.versions[0];
    if (!v) return [];
    return [{ id: r.id, kind: r.kind as EstimateKind, region: r.region, serviceName: r.serviceName, serviceArn: r.serviceArn, name: v.name, monthlyTotal: v.monthlyTotal, version: v.version, author: v.author, updatedAt: v.createdAt.toISOString() }];
  });
}

export async function getEstimate(id: string): Promise<EstimateDetail | null> {
  const r = await db.costEstimate.findUnique({ where: { id }, include: { versions: { orderBy: { version: "desc" } } } });
  if (!r || !r.versions[0]) return null;
  const versions = r.versions.map(toVersion);
  return { id: r.id, kind: r.kind as EstimateKind, region: r.region, serviceName: r.serviceName, serviceArn: r.serviceArn, author: r.author, updatedAt: r.updatedAt.toISOString(), latest: versions[0]!, versions };
}

export async function createEstimate(
  e: { kind: EstimateKind; region: string; connectionId?: string; serviceArn?: string; serviceName?: string },
  v: NewVersion,
  author: { id: string; email: string },
): Promise<{ id: string; version: number }> {
  const row = await db.costEstimate.create({
    data: { kind: e.kind, region: e.region, connectionId: e.connectionId ?? null, serviceArn: e.serviceArn ?? null, serviceName: e.serviceName ?? null, authorId: author.id, author: author.email, versions: { create: { version: 1, ...versionData(v, author) } } },
  });
  return { id: row.id, version: 1 };
}

/** An edit: the next version number, in one transaction so two edits never share a number. */
export async function addEstimateVersion(id: string, v: NewVersion, author: { id: string; email: string }): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    const last = await tx.costEstimateVersion.findFirst({ where: { estimateId: id }, orderBy: { version: "desc" }, select: { version: true } });
    if (!last) throw new ActionError("That estimate no longer exists.", "not_found");
    const version = last.version + 1;
    await tx.costEstimateVersion.create({ data: { estimateId: id, version, ...versionData(v, author) } });
    await tx.costEstimate.update({ where: { id }, data: { updatedAt: new Date() } });
    return { id, version };
  });
}

export async function deleteEstimate(id: string): Promise<{ name: string }> {
  const r = await db.costEstimate.findUnique({ where: { id }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
  if (!r) throw new ActionError("That estimate no longer exists.", "not_found");
  await db.costEstimate.delete({ where: { id } });
  return { name: r.versions[0]?.name ?? id };
}
