"use client";
// The rollback confirmation: what will change (the live configuration against the version),
// what cannot be restored, then one button. Nothing is sent before "Roll back".
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { changedLines, diffConfigs } from "@/lib/history/config-diff";
import type { RollbackPreview } from "@/lib/history/load-history";
import type { ServiceConfig } from "@/lib/history/service-config";
import type { VersionView } from "@/lib/history/service-versions";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/form-message";
import { ConfigDiffTable } from "./config-diff-table";

const sectionWords: Record<string, string> = {
  SourceConfiguration: "source and environment",
  InstanceConfiguration: "instance size and role",
  HealthCheckConfiguration: "health check",
  AutoScalingConfigurationArn: "auto scaling",
  NetworkConfiguration: "network",
  ObservabilityConfiguration: "observability",
};

export type RollbackAction = (input: { serviceArn: string; versionId: string }) => Promise<ActionResult<{ operationId?: string; version: number }>>;

export function RollbackDialog(props: {
  version: VersionView;
  live: ServiceConfig;
  preview: RollbackPreview;
  serviceArn: string;
  servicePath: string;
  rollback: RollbackAction;
  onClose: () => void;
}) {
  const { version, live, preview } = props;
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const lines = changedLines(diffConfigs(live, version.config));
  const title = `Roll back to version ${version.number}`;

  function confirm() {
    setError(null);
    startTransition(async () => {
      const r = await props.rollback({ serviceArn: props.serviceArn, versionId: version.id });
      if (!r.ok) {
        setError(r.message);
        return;
      }
      // The page follows the operation (?op=) and the watcher records the new version when it ends.
      router.push(`${props.servicePath}?tab=history${r.data.operationId ? `&op=${encodeURIComponent(r.data.operationId)}` : ""}`);
      router.refresh();
      props.onClose();
    });
  }

  return (
    <section role="dialog" aria-modal="false" aria-label={title} className="surface space-y-3 border-amber-400 p-4">
      <h3 className="text-sm font-semibold">{title}</h3>
      <p className="text-sm">
        {preview.redeployOnly
          ? "The configuration already matches: App Runner deploys the version's image again (StartDeployment)."
          : `One UpdateService restores the ${preview.sections.map((x) => sectionWords[x] ?? x).join(", ")}; App Runner then deploys it. These fields change from what the service has now:`}
      </p>
      <div className="overflow-x-auto rounded border border-[var(--border)]">
        <ConfigDiffTable lines={lines} label="Rollback changes" beforeTitle="Now" afterTitle={`Version ${version.number}`} />
      </div>
      {preview.notes.length ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          <h4 className="font-medium">What a rollback does not restore</h4>
          <ul className="list-disc pl-5" aria-label="What a rollback does not restore">
            {preview.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <ErrorBanner testId="rollback-error">Rollback failed: {error}</ErrorBanner> : null}
      <div className="flex gap-2">
        <Button variant="danger" disabled={pending} onClick={confirm}>
          {pending ? "Rolling back…" : "Roll back"}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={props.onClose}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
