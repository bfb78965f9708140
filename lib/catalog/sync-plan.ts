// What a sync changes, decided from what the catalog holds and what ListServices answered for
// one (connection, region). Pure. Only regions that answered are planned: a region that failed
// to list must never mark its services gone.
export interface KnownEntry {
  arn: string;
  serviceName: string;
  status: string;
  serviceUrl: string | null;
  gone: boolean;
}

export interface ListedService {
  arn: string;
  id: string;
  name: string;
  status: string;
  url?: string;
}

export interface SyncPlan {
  create: ListedService[];
  update: { arn: string; serviceName: string; status: string; serviceUrl: string | null; returned: boolean }[];
  gone: string[];
  unchanged: number;
}

export function planSync(known: readonly KnownEntry[], listed: readonly ListedService[]): SyncPlan {
  // App Runner lists a deleted service for a while with status DELETED: that is gone too.
  const live = listed.filter((s) => s.status !== "DELETED");
  const byArn = new Map(known.map((k) => [k.arn, k]));
  const liveArns = new Set(live.map((s) => s.arn));
  const plan: SyncPlan = { create: [], update: [], gone: [], unchanged: 0 };
  for (const s of live) {
    const k = byArn.get(s.arn);
    if (!k) {
      plan.create.push(s);
      continue;
    }
    const url = s.url ?? null;
    if (k.gone || k.serviceName !== s.name || k.status !== s.status || k.serviceUrl !== url) {
      plan.update.push({ arn: s.arn, serviceName: s.name, status: s.status, serviceUrl: url, returned: k.gone });
    } else plan.unchanged++;
  }
  for (const k of known) if (!k.gone && !liveArns.has(k.arn)) plan.gone.push(k.arn);
  return plan;
}
