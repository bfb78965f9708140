"use client";
// Pause / resume / deploy / delete. Rendered only for roles with services:operate; each
// button is enabled only in the states where App Runner accepts the operation. Pause, Deploy
// and Delete ask first, in a panel that floats under the buttons so they do not move.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { allowedOperations } from "@/lib/services/allowed-operations";
import type { ServiceStatus } from "@/lib/services/service-view";
import { deleteServiceAction, pauseServiceAction, resumeServiceAction, startDeploymentAction } from "@/lib/services/service-actions";
import { Button, buttonClass } from "@/components/ui/button";
import { InlineError } from "@/components/ui/form-message";
import { statusKey, useServiceStatus, type LiveStatusData } from "./live-status";
import { ConfirmPanel } from "./confirm-panel";

type Confirming = "pause" | "deploy" | "delete" | null;

export function ServiceActions({ region, id, name, arn, initial }: { region: string; id: string; name: string; arn: string; initial: LiveStatusData }) {
  const { data } = useServiceStatus(region, id, initial);
  const allowed = allowedOperations(data.status as ServiceStatus);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [confirmName, setConfirmName] = useState("");
  const queryClient = useQueryClient();
  const router = useRouter();

  // A confirmation for an operation the service no longer accepts (someone else started one) is not shown.
  const open: Confirming = confirming && allowed[confirming] ? confirming : null;

  /** `type` is the App Runner operation it starts; the action answers with its id, so the log can follow it at once. */
  function run(label: string, type: string, call: () => Promise<ActionResult<{ operationId?: string }>>, after?: () => void) {
    setMessage(null);
    startTransition(async () => {
      const r = await call();
      if (!r.ok) {
        setMessage(`${label} failed: ${r.message}`);
        return;
      }
      setConfirming(null);
      const operation = { id: r.data.operationId ?? "", type, status: "IN_PROGRESS" };
      queryClient.setQueryData<LiveStatusData>(statusKey(region, id), (prev) => ({ status: "OPERATION_IN_PROGRESS", operation, latest: operation.id ? operation : prev?.latest }));
      await queryClient.invalidateQueries({ queryKey: statusKey(region, id) });
      await queryClient.invalidateQueries({ queryKey: ["service-operations", region, id] });
      after?.();
      router.refresh();
    });
  }

  return (
    <div className="relative flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        <Link href={`/services/${region}/${id}/edit`} className={buttonClass("secondary", allowed.update ? "" : "pointer-events-none opacity-50")} aria-disabled={!allowed.update}>
          Edit configuration
        </Link>
        <Button variant="secondary" disabled={pending || !allowed.deploy} aria-expanded={open === "deploy"} onClick={() => setConfirming("deploy")}>
          Deploy
        </Button>
        {data.status === "PAUSED" ? (
          <Button variant="secondary" disabled={pending || !allowed.resume} onClick={() => run("Resume", "RESUME_SERVICE", () => resumeServiceAction({ serviceArn: arn }))}>
            Resume
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending || !allowed.pause} aria-expanded={open === "pause"} onClick={() => setConfirming("pause")}>
            Pause
          </Button>
        )}
        <Button variant="danger" disabled={pending || !allowed.delete} aria-expanded={open === "delete"} onClick={() => setConfirming("delete")}>
          Delete
        </Button>
      </div>
      {open === "pause" ? (
        <ConfirmPanel label="Confirm pause" onCancel={() => setConfirming(null)} onConfirm={() => run("Pause", "PAUSE_SERVICE", () => pauseServiceAction({ serviceArn: arn }))} confirmText="Pause service" pending={pending}>
          <p>
            <strong>{name}</strong> stops serving: its instances shut down and its URL answers that the service is paused until you resume it. Nothing is deleted.
          </p>
        </ConfirmPanel>
      ) : null}
      {open === "deploy" ? (
        <ConfirmPanel label="Confirm deployment" onCancel={() => setConfirming(null)} onConfirm={() => run("Deploy", "START_DEPLOYMENT", () => startDeploymentAction({ serviceArn: arn }))} confirmText="Start deployment" pending={pending}>
          <p>
            <strong>{name}</strong> is built again from its source and new instances replace the current ones once they are healthy. It keeps serving meanwhile; if the new version fails its health check, the current one stays.
          </p>
        </ConfirmPanel>
      ) : null}
      {open === "delete" ? (
        <ConfirmPanel
          label="Confirm delete"
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => run("Delete", "DELETE_SERVICE", () => deleteServiceAction({ serviceArn: arn, confirmName }), () => router.push("/services"))}
          confirmText="Delete service"
          pending={pending}
          confirmDisabled={confirmName !== name}
        >
          <label htmlFor="confirmName" className="block">
            Type <strong className="font-mono">{name}</strong> to delete it:
          </label>
          <input id="confirmName" className="input w-full" value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" />
        </ConfirmPanel>
      ) : null}
      <InlineError message={message} />
    </div>
  );
}
