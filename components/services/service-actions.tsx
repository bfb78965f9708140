"use client";
// Pause / resume / deploy / delete. Rendered only for roles with services:operate; each
// button is enabled only in the states where App Runner accepts the operation.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { allowedOperations } from "@/lib/services/allowed-operations";
import type { ServiceStatus } from "@/lib/services/service-view";
import { deleteServiceAction, pauseServiceAction, resumeServiceAction, startDeploymentAction } from "@/lib/services/service-actions";
import { Button } from "@/components/ui/button";
import { useServiceStatus, type LiveStatusData } from "./live-status";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { InlineError } from "@/components/ui/form-message";

export function ServiceActions({ region, id, name, arn, initial }: { region: string; id: string; name: string; arn: string; initial: LiveStatusData }) {
  const { data } = useServiceStatus(region, id, initial);
  const allowed = allowedOperations(data.status as ServiceStatus);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmName, setConfirmName] = useState("");
  const queryClient = useQueryClient();
  const router = useRouter();

  /** `type` is the App Runner operation it starts, known before the first poll names it. */
  function run(label: string, type: string, call: () => Promise<ActionResult<unknown>>, after?: () => void) {
    setMessage(null);
    startTransition(async () => {
      const r = await call();
      if (!r.ok) {
        setMessage(`${label} failed: ${r.message}`);
        return;
      }
      // Status becomes OPERATION_IN_PROGRESS: start polling right away.
      queryClient.setQueryData<LiveStatusData>(["service-status", region, id], { status: "OPERATION_IN_PROGRESS", operation: { id: "", type, status: "IN_PROGRESS" } });
      await queryClient.invalidateQueries({ queryKey: ["service-status", region, id] });
      await queryClient.invalidateQueries({ queryKey: ["service-operations", region, id] });
      after?.();
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        <Link href={`/services/${region}/${id}/edit`} className={buttonClass("secondary", allowed.update ? "" : "pointer-events-none opacity-50")} aria-disabled={!allowed.update}>
          Edit configuration
        </Link>
        <Button variant="secondary" disabled={pending || !allowed.deploy} onClick={() => run("Deploy", "START_DEPLOYMENT", () => startDeploymentAction({ serviceArn: arn }))}>
          Deploy
        </Button>
        {data.status === "PAUSED" ? (
          <Button variant="secondary" disabled={pending || !allowed.resume} onClick={() => run("Resume", "RESUME_SERVICE", () => resumeServiceAction({ serviceArn: arn }))}>
            Resume
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending || !allowed.pause} onClick={() => run("Pause", "PAUSE_SERVICE", () => pauseServiceAction({ serviceArn: arn }))}>
            Pause
          </Button>
        )}
        <Button variant="danger" disabled={pending || !allowed.delete} onClick={() => setConfirming(true)}>
          Delete
        </Button>
      </div>
      {confirming ? (
        <form
          className="surface flex flex-wrap items-center gap-2 p-3 text-sm"
          aria-label="Confirm delete"
          onSubmit={(e) => {
            e.preventDefault();
            run("Delete", "DELETE_SERVICE", () => deleteServiceAction({ serviceArn: arn, confirmName }), () => router.push("/services"));
          }}
        >
          <label htmlFor="confirmName">
            Type <strong className="font-mono">{name}</strong> to delete it:
          </label>
          <input id="confirmName" className="input w-48" value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" />
          <Button type="submit" variant="danger" disabled={pending || confirmName !== name}>
            Delete service
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </form>
      ) : null}
      <InlineError message={message} />
    </div>
  );
}
