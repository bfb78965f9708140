"use client";
// Saves the plan (the server builds it again) and opens the saved copy, which has the download.
// For services configured from the repository, apprunner.yaml can be pasted here.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/action-result";

export type SavePlan = (input: { region: string; id: string; apprunnerYaml?: string }) => Promise<ActionResult<{ id: string }>>;

export function SavePlanForm({ save, region, id, askYaml }: { save: SavePlan; region: string; id: string; askYaml: boolean }) {
  const [yaml, setYaml] = useState("");
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const yamlError = result && !result.ok ? result.fieldErrors?.apprunnerYaml : undefined;
  return (
    <form
      className="surface space-y-3 p-4"
      aria-label="Save migration plan"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await save({ region, id, ...(askYaml && yaml.trim() ? { apprunnerYaml: yaml } : {}) });
          setResult(r);
          if (r.ok) router.push(`/migrate/plans/${r.data.id}`);
        });
      }}
    >
      <FormMessage state={result} />
      {askYaml ? (
        <div className="space-y-1">
          <label htmlFor="apprunner-yaml" className="text-sm font-medium">
            apprunner.yaml from the repository
          </label>
          <p id="apprunner-yaml-help" className="muted text-xs">
            This service reads its build and start commands from the repository. Paste the file to generate its Dockerfile.
          </p>
          <textarea
            id="apprunner-yaml"
            name="apprunnerYaml"
            rows={8}
            value={yaml}
            onChange={(e) => setYaml(e.target.value)}
            aria-describedby={yamlError ? "apprunner-yaml-help apprunner-yaml-error" : "apprunner-yaml-help"}
            aria-invalid={yamlError ? true : undefined}
            className="w-full rounded border border-[var(--border)] bg-transparent p-2 font-mono text-xs"
          />
          {yamlError ? (
            <p id="apprunner-yaml-error" className="text-xs text-red-700 dark:text-red-400">
              {yamlError.join(" ")}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex items-center justify-between gap-3">
        <p className="muted text-xs">Saving reads the service again, keeps the plan with today&apos;s date and opens it for download.</p>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : "Save plan"}
        </Button>
      </div>
    </form>
  );
}
