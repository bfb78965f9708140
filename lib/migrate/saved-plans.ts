// Saved migration plans in the database: written by the save action, read by the pages and the
// bundle download. The JSON columns are parsed back into the planner's own types.
import "server-only";
import { db } from "@/lib/db";
import type { MigrationPlan, Readiness } from "./build-plan";
import type { MigrationCost } from "./migration-cost";

export interface SavedPlan {
  id: string;
  connectionId: string;
  region: string;
  serviceArn: string;
  serviceName: string;
  readiness: Readiness;
  monthlyDifference: number | null;
  plan: MigrationPlan;
  cost: (MigrationCost & { prices?: { region: string; checkedAt: string; source: string } }) | null;
  author: string | null;
  createdAt: Date;
}

type Row = Awaited<ReturnType<typeof db.migrationPlan.findFirstOrThrow>>;

const toSaved = (r: Row): SavedPlan => ({
  id: r.id,
  connectionId: r.connectionId,
  region: r.region,
  serviceArn: r.serviceArn,
  serviceName: r.serviceName,
  readiness: r.readiness as Readiness,
  monthlyDifference: r.monthlyDifference,
  plan: JSON.parse(r.plan) as MigrationPlan,
  cost: r.cost ? (JSON.parse(r.cost) as SavedPlan["cost"]) : null,
  author: r.author,
  createdAt: r.createdAt,
});

export async function savePlan(input: { connectionId: string; plan: MigrationPlan; cost: SavedPlan["cost"]; author: { id: string; email: string } }): Promise<SavedPlan> {
  const { plan, cost } = input;
  const row = await db.migrationPlan.create({
    data: {
      connectionId: input.connectionId,
      region: plan.service.region,
      serviceArn: plan.service.arn,
      serviceName: plan.service.name,
      readiness: plan.readiness,
      monthlyDifference: cost?.differenceX86 ?? null,
      plan: JSON.stringify(plan),
      cost: cost ? JSON.stringify(cost) : null,
      authorId: input.author.id,
      author: input.author.email,
    },
  });
  return toSaved(row);
}

export async function getSavedPlan(id: string): Promise<SavedPlan | null> {
  const row = await db.migrationPlan.findUnique({ where: { id } });
  return row ? toSaved(row) : null;
}

export async function listSavedPlans(serviceArn: string, take = 10): Promise<SavedPlan[]> {
  const rows = await db.migrationPlan.findMany({ where: { serviceArn }, orderBy: { createdAt: "desc" }, take });
  return rows.map(toSaved);
}
