// One line under the service's name when it has a schedule: the zone and the next pause or
// resume (whichever comes first), or that the scheduler is retrying. It also mounts the watcher
// that keeps the page current while the scheduler acts.
import Link from "next/link";
import { getScheduleView } from "@/lib/schedules/schedule-view";
import { formatInZone } from "./schedule-panel";
import { ScheduleWatch } from "./schedule-watch";

export async function ScheduleLine({ arn, region, id }: { arn: string; region: string; id: string }) {
  const s = await getScheduleView(arn).catch(() => null);
  if (!s) return null;
  const zone = s.schedule.timeZone;
  const next = [s.nextPause && { what: "pauses", at: s.nextPause }, s.nextResume && { what: "resumes", at: s.nextResume }].filter((x): x is { what: string; at: string } => !!x).sort((a, b) => a.at.localeCompare(b.at))[0];
  return (
    <p className="muted text-xs" data-testid="schedule-line">
      <ScheduleWatch region={region} id={id} stamp={s.updatedAt} />
      <Link href={`/services/${region}/${id}?tab=schedule`} className="hover:underline">
        Scheduled ({zone})
      </Link>
      {!s.enabled ? ": off" : next ? `: ${next.what} ${formatInZone(next.at, zone)}` : ""}
      {s.failures > 0 ? <span className="text-amber-700 dark:text-amber-300"> · last attempt failed, retrying {formatInZone(s.nextRunAt, zone)}</span> : null}
    </p>
  );
}
