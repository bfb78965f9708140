import { Badge, type Tone } from "@/components/ui/badge";

const tones: Record<string, Tone> = {
  RUNNING: "green",
  PAUSED: "neutral",
  OPERATION_IN_PROGRESS: "blue",
  CREATE_FAILED: "red",
  DELETE_FAILED: "red",
  DELETED: "neutral",
  SUCCEEDED: "green",
  FAILED: "red",
  IN_PROGRESS: "blue",
  PENDING: "blue",
  ROLLBACK_IN_PROGRESS: "amber",
  ROLLBACK_SUCCEEDED: "amber",
  ROLLBACK_FAILED: "red",
};

const words = (s: string) => s.toLowerCase().replace(/_/g, " ");

/** A service or operation status; with `operation`, names what is in progress. */
export function StatusBadge({ status, operation }: { status: string; operation?: string }) {
  const label = status === "OPERATION_IN_PROGRESS" && operation ? `${words(operation)} in progress` : words(status);
  return (
    <span data-testid="service-status" data-status={status}>
      <Badge tone={tones[status] ?? "neutral"}>{label}</Badge>
    </span>
  );
}
