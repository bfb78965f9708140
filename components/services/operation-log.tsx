"use client";
// The operation in progress and its own build/deployment log, from the same live status the
// badge and buttons read: when a new operation starts (from this page or anywhere else) the
// panel switches to that operation's `deployment/<id>` stream; when it ends it says how, and
// reads that log once more in full.
import { useState } from "react";
import { isFinalOperationStatus, operationName, statusLabel } from "@/lib/services/status-labels";
import { useServiceStatus, type LiveStatusData } from "./live-status";
import { LogViewer } from "./log-viewer";

export function OperationLog({ region, id, initial, follow }: { region: string; id: string; initial: LiveStatusData; follow?: string }) {
  const { data } = useServiceStatus(region, id, initial);
  // Once an operation was seen on this page, its result stays in view after it ends.
  const [engaged, setEngaged] = useState(Boolean(follow));
  // An action on this page that navigates here with ?op= engages it too, even when the
  // operation ended before the page re-rendered (the panel is already mounted then).
  const [followed, setFollowed] = useState(follow);
  if (follow !== followed) {
    setFollowed(follow);
    if (follow) setEngaged(true);
  }
  const busy = data.status === "OPERATION_IN_PROGRESS";
  if (busy && !engaged) setEngaged(true);
  const op = data.operation ?? (engaged ? data.latest : undefined);
  if (!op?.id) {
    return busy ? (
      <section className="space-y-2" aria-label="Operation progress">
        <h2 className="text-sm font-semibold">Operation in progress</h2>
      </section>
    ) : null;
  }
  const running = busy && data.operation?.id === op.id;
  const heading = running
    ? `${operationName(op.type)} in progress`
    : isFinalOperationStatus(op.status)
      ? `${operationName(op.type)} ${statusLabel(op.status).toLowerCase()}`
      : `Latest operation: ${operationName(op.type).toLowerCase()}`;
  return (
    <section className="space-y-2" aria-label="Operation progress" data-operation={op.id} data-operation-running={running}>
      <h2 className="text-sm font-semibold" data-testid="operation-heading" title={`${op.type} ${op.status} (${op.id})`}>
        {heading}: build and deployment log
      </h2>
      {/* A new key per operation and per phase: a fresh stream, and a full read once it ends. */}
      <LogViewer key={`${op.id}:${running}`} region={region} id={id} streamPrefix={`deployment/${op.id}`} defaultSource="service" defaultFollow={running} compact />
    </section>
  );
}
