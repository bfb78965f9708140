import { Badge } from "@/components/ui/badge";
import { serviceStatusLabel, statusTone } from "@/lib/services/status-labels";

/** A service or operation status in plain words, the raw API value in the tooltip; with `operation`, names what is in progress. */
export function StatusBadge({ status, operation }: { status: string; operation?: string }) {
  const raw = operation && status === "OPERATION_IN_PROGRESS" ? `${status} (${operation})` : status;
  return (
    <span data-testid="service-status" data-status={status} title={raw}>
      <Badge tone={statusTone(status)}>{serviceStatusLabel(status, operation)}</Badge>
    </span>
  );
}
