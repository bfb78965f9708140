// The cost estimator's view of schedules: what each scheduled service saves a month, priced
// for its current size, and the total. Every row prices the same span (the estimator's month
// from the start of this hour, as the service page does), so the figures add up and match
// the Schedule tab. A service that cannot be read is listed with why.
import "server-only";
import { appRunnerClient } from "@/lib/aws/clients";
import { mapLimit } from "@/lib/services/map-limit";
import { describeServiceByArn } from "@/lib/services/describe-service";
import { describeAwsError } from "@/lib/services/aws-error";
import { toServiceView } from "@/lib/services/service-view";
import { DEFAULT_MONTH_HOURS } from "@/lib/pricing/app-runner-cost";
import { savingsSpanStart } from "@/lib/schedules/schedule-savings";
import { listScheduleRows, savingsFor, toScheduleView } from "@/lib/schedules/schedule-view";

export interface ScheduleSavingsRow {
  serviceName: string;
  serviceId: string;
  region: string;
  summary: string[];
  timeZone: string;
  enabled: boolean;
  monthlySaving: number | null;
  alwaysOn: number | null;
  error?: string;
}

export interface ScheduleSavingsSummary {
  rows: ScheduleSavingsRow[];
  total: number;
  /** the priced span (ISO instants) */
  spanStart: string;
  spanEnd: string;
  spanHours: number;
}

export async function scheduleSavingsRows(now = new Date()): Promise<ScheduleSavingsSummary> {
  const schedules = await listScheduleRows();
  const spanStart = savingsSpanStart(now);
  const rows: ScheduleSavingsRow[] = [];
  await mapLimit(schedules, 6, async (row) => {
    const v = toScheduleView(row);
    const base = { serviceName: row.serviceName, serviceId: row.serviceArn.split("/")[2] ?? "", region: row.region, summary: v.summary, timeZone: v.schedule.timeZone, enabled: row.enabled };
    try {
      const client = await appRunnerClient(row.connectionId, row.region);
      const service = toServiceView(await describeServiceByArn(client, row.serviceArn));
      const s = await savingsFor(client, service, v.schedule, spanStart);
      rows.push({ ...base, monthlySaving: s?.saved.total ?? null, alwaysOn: s?.alwaysOn.total ?? null, ...(s ? {} : { error: "Unknown instance size" }) });
    } catch (err) {
      rows.push({ ...base, monthlySaving: null, alwaysOn: null, error: describeAwsError(err).message });
    }
  });
  rows.sort((a, b) => (b.monthlySaving ?? -1) - (a.monthlySaving ?? -1) || a.serviceName.localeCompare(b.serviceName));
  const spanEnd = new Date(spanStart.getTime() + DEFAULT_MONTH_HOURS * 3_600_000);
  return { rows, total: rows.reduce((s, r) => s + (r.enabled ? (r.monthlySaving ?? 0) : 0), 0), spanStart: spanStart.toISOString(), spanEnd: spanEnd.toISOString(), spanHours: DEFAULT_MONTH_HOURS };
}
