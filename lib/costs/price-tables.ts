// Price tables in the database, one per region. The shipped figures are written once, the
// first time anyone reads; after that only admins change them (audited by the action).
import "server-only";
import { db } from "@/lib/db";
import { ActionError } from "@/lib/actions/action-result";
import { defaultPriceTables } from "@/lib/pricing/default-price-tables";
import { priceFiguresSchema, type PriceTable } from "@/lib/pricing/price-table";

export interface StoredPriceTable extends PriceTable {
  id: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

type Row = { id: string; region: string; source: string; checkedAt: Date; notes: string | null; prices: string; version: number; updatedBy: string | null; updatedAt: Date };

function toTable(r: Row): StoredPriceTable {
  return {
    id: r.id,
    region: r.region,
    source: r.source,
    checkedAt: r.checkedAt.toISOString().slice(0, 10),
    ...(r.notes ? { notes: r.notes } : {}),
    // A row edited by hand in the database that lost a figure fails here, loudly, rather than pricing at $0.
    prices: priceFiguresSchema.parse(JSON.parse(r.prices)),
    version: r.version,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function ensureDefaults(): Promise<void> {
  const have = new Set((await db.priceTable.findMany({ select: { region: true } })).map((r) => r.region));
  for (const t of defaultPriceTables) {
    if (have.has(t.region)) continue;
    await db.priceTable
      .create({ data: { region: t.region, source: t.source, checkedAt: new Date(t.checkedAt), notes: t.notes ?? null, prices: JSON.stringify(t.prices) } })
      // Two requests seeding at once: the unique region makes the second a no-op.
      .catch(() => undefined);
  }
}

export async function listPriceTables(): Promise<StoredPriceTable[]> {
  await ensureDefaults();
  const rows = await db.priceTable.findMany({ orderBy: { region: "asc" } });
  return rows.map(toTable);
}

/** The table for a region, or a field error naming the regions that have prices. */
export async function getPriceTable(region: string, field = "region"): Promise<StoredPriceTable> {
  await ensureDefaults();
  const row = await db.priceTable.findUnique({ where: { region } });
  if (!row) {
    const known = (await db.priceTable.findMany({ select: { region: true }, orderBy: { region: "asc" } })).map((r) => r.region);
    throw new ActionError(`No price table for region "${region}". Regions with prices: ${known.join(", ")}.`, "validation", { [field]: [`Unknown region "${region}"`] });
  }
  return toTable(row);
}

export async function savePriceTable(t: PriceTable, updatedBy: string): Promise<StoredPriceTable> {
  const data = { source: t.source, checkedAt: new Date(t.checkedAt), notes: t.notes ?? null, prices: JSON.stringify(t.prices), updatedBy };
  const row = await db.priceTable.upsert({ where: { region: t.region }, create: { region: t.region, ...data }, update: { ...data, version: { increment: 1 } } });
  return toTable(row);
}
