// How a version's origin reads in the History tab.
import type { VersionView } from "@/lib/history/service-versions";

const actions: Record<string, string> = {
  "service.create": "Created",
  "service.update": "Configuration updated",
  "service.deploy": "Deployment",
  "service.autoscaling.apply": "Auto scaling changed",
  "catalog.mirror_tags": "Tags set from the catalog",
  drift: "Changed outside Runway",
  observed: "First seen by Runway",
};

export function changeLabel(v: Pick<VersionView, "action" | "restoredFrom">): string {
  if (v.action === "service.rollback") return v.restoredFrom ? `Rollback to v${v.restoredFrom}` : "Rollback";
  return actions[v.action] ?? v.action;
}
