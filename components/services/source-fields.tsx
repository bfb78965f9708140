"use client";
import { codeRuntimes } from "@/lib/services/service-form-schema";
import type { FormState } from "./form-state";
import { Section, SelectField, TextField, type Errors } from "./form-controls";

export function SourceFields({ state, set, errors, locked }: { state: FormState; set: (patch: Partial<FormState>) => void; errors: Errors; locked: boolean }) {
  const img = state.image;
  const code = state.code;
  const setImage = (p: Partial<FormState["image"]>) => set({ image: { ...img, ...p } });
  const setCode = (p: Partial<FormState["code"]>) => set({ code: { ...code, ...p } });
  return (
    <Section title="Source">
      <div role="radiogroup" aria-label="Source type" className="flex gap-4 text-sm">
        {(["code", "image"] as const).map((k) => (
          <label key={k} className="flex items-center gap-1.5">
            <input type="radio" name="sourceKind" value={k} checked={state.sourceKind === k} disabled={locked} onChange={() => set({ sourceKind: k })} />
            {k === "code" ? "Source code repository" : "Container image"}
          </label>
        ))}
      </div>
      {state.sourceKind === "image" ? (
        <div className="grid gap-3 md:grid-cols-2">
          <TextField id="imageIdentifier" label="Image URI" value={img.imageIdentifier} onChange={(v) => setImage({ imageIdentifier: v, imageRepositoryType: v.startsWith("public.ecr.aws/") ? "ECR_PUBLIC" : "ECR" })} error={errors["source.imageIdentifier"] ?? errors["source.imageRepositoryType"]} placeholder="public.ecr.aws/nginx/nginx:latest" />
          <TextField id="imagePort" label="Port" value={img.port} onChange={(v) => setImage({ port: v })} error={errors["source.port"]} />
          <TextField id="imageStartCommand" label="Start command (optional)" value={img.startCommand} onChange={(v) => setImage({ startCommand: v })} error={errors["source.startCommand"]} />
          {img.imageRepositoryType === "ECR" ? (
            <TextField id="accessRoleArn" label="ECR access role ARN" value={img.accessRoleArn} onChange={(v) => setImage({ accessRoleArn: v })} error={errors["source.accessRoleArn"]} placeholder="arn:aws:iam::123456789012:role/AppRunnerECRAccess" />
          ) : null}
        </div>
      ) : (
        <div className="grid gap-3 md:grid-cols-2">
          <TextField id="repositoryUrl" label="Repository URL or local path" value={code.repositoryUrl} onChange={(v) => setCode({ repositoryUrl: v })} error={errors["source.repositoryUrl"]} placeholder="e.g. /home/me/app or https://github.com/org/repo" hint="A local folder is checked when you create the service; a git URL is checked when it builds." />
          <TextField id="branch" label="Branch" value={code.branch} onChange={(v) => setCode({ branch: v })} error={errors["source.branch"]} />
          <TextField id="sourceDirectory" label="Source directory (optional)" value={code.sourceDirectory} onChange={(v) => setCode({ sourceDirectory: v })} error={errors["source.sourceDirectory"]} />
          <TextField id="connectionArn" label="App Runner connection ARN (GitHub/Bitbucket)" value={code.connectionArn} onChange={(v) => setCode({ connectionArn: v })} error={errors["source.connectionArn"]} hint="Not needed for local paths." />
          <div className="md:col-span-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="useRepositoryConfig" checked={code.configurationSource === "REPOSITORY"} onChange={(e) => setCode({ configurationSource: e.target.checked ? "REPOSITORY" : "API" })} />
              Use apprunner.yaml from the repository
            </label>
          </div>
          {code.configurationSource === "API" ? (
            <>
              <SelectField id="runtime" label="Runtime" value={code.runtime} onChange={(v) => setCode({ runtime: v })} options={codeRuntimes} error={errors["source.runtime"]} />
              <TextField id="codePort" label="Port" value={code.port} onChange={(v) => setCode({ port: v })} error={errors["source.port"]} />
              <TextField id="buildCommand" label="Build command" value={code.buildCommand} onChange={(v) => setCode({ buildCommand: v })} error={errors["source.buildCommand"]} placeholder="e.g. npm ci" hint="Optional: leave empty when the app needs no build step." />
              <TextField id="startCommand" label="Start command" value={code.startCommand} onChange={(v) => setCode({ startCommand: v })} error={errors["source.startCommand"]} placeholder="e.g. node server.js" hint="Required: what App Runner runs to start each instance." />
            </>
          ) : null}
        </div>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="autoDeploy" checked={state.autoDeploy} onChange={(e) => set({ autoDeploy: e.target.checked })} />
        Deploy automatically when the source changes
      </label>
    </Section>
  );
}
