"use client";
// Create and update share this form and the schema in lib/services/service-form-schema.ts.
// The same zod rules run here (inline errors) and in the Server Action (authoritative).
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { createServiceAction, updateServiceAction } from "@/lib/services/service-actions";
import { cpuOptions, fieldErrorsOf, instanceSizes, serviceFormSchema, type Cpu, type ServiceFormInput } from "@/lib/services/service-form-schema";
import type { AutoScalingOption } from "@/lib/services/list-auto-scaling-configurations";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/form-message";
import { EnvVarsEditor } from "./env-vars-editor";
import { emptyFormState, fromInput, toInput, type FormState } from "./form-state";
import { Labeled, Section, SelectField, TextField, type Errors } from "./form-controls";
import { SourceFields } from "./source-fields";
import { TagsEditor } from "./tags-editor";

type Outcome = ActionResult<{ region?: string; id?: string; operationId?: string }>;

export function ServiceForm({
  mode,
  initial,
  region,
  serviceId,
  serviceArn,
  autoScalingOptions,
}: {
  mode: "create" | "update";
  initial?: ServiceFormInput;
  region: string;
  serviceId?: string;
  serviceArn?: string;
  autoScalingOptions: AutoScalingOption[];
}) {
  const router = useRouter();
  const [state, setState] = useState<FormState>(() => (initial ? fromInput(initial) : emptyFormState));
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  // fieldLevel: the error is shown at a field, and the banner only when no field shows it.
  const [message, setMessage] = useState<{ text: string; fieldLevel: boolean } | null>(null);
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  // After a failed submit, take the user to the first field that says what to fix.
  useEffect(() => {
    if (failures) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);
  const set = (patch: Partial<FormState>) => {
    setState((s) => ({ ...s, ...patch }));
    setServerErrors({});
    // Its field errors are gone or recomputed as the user types; the fallback would be stale.
    setMessage((m) => (m?.fieldLevel ? null : m));
  };

  const clientErrors = useMemo(() => {
    const r = serviceFormSchema.safeParse(toInput(state));
    return r.success ? {} : fieldErrorsOf(r.error);
  }, [state]);
  // Before the first submit only show errors of fields the user has filled in.
  const errors: Errors = { ...(attempted ? clientErrors : state.serviceName && clientErrors.serviceName ? { serviceName: clientErrors.serviceName } : {}), ...serverErrors };

  const memoryOptions: readonly string[] = instanceSizes[state.cpu as Cpu] ?? [];

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setAttempted(true);
    setMessage(null);
    if (Object.keys(clientErrors).length) {
      setMessage({ text: Object.entries(clientErrors).map(([k, v]) => `${k}: ${v}`).join("; "), fieldLevel: true });
      setFailures((n) => n + 1);
      return;
    }
    startTransition(async () => {
      const input = toInput(state);
      const result: Outcome = mode === "create" ? await createServiceAction(input) : await updateServiceAction({ serviceArn: serviceArn ?? "", form: input });
      if (!result.ok) {
        // The form keeps everything typed; only the message and field errors change.
        const fe: Errors = {};
        for (const [k, v] of Object.entries(result.fieldErrors ?? {})) if (v?.[0]) fe[k] = v[0];
        setServerErrors(fe);
        setMessage({ text: result.message, fieldLevel: Object.keys(fe).length > 0 });
        setFailures((n) => n + 1);
        return;
      }
      const id = result.data.id ?? serviceId;
      const r = result.data.region ?? region;
      const op = result.data.operationId ? `?op=${encodeURIComponent(result.data.operationId)}` : "";
      router.push(`/services/${r}/${id}${op}`);
      router.refresh();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={mode === "create" ? "Create service" : "Update service"}>
      {message ? (
        <ErrorBanner fieldLevel={message.fieldLevel} testId="form-message">
          {message.text}
        </ErrorBanner>
      ) : null}
      <Section title="Service">
        <div className="grid gap-3 md:grid-cols-2">
          <TextField id="serviceName" label="Service name" value={state.serviceName} onChange={(v) => set({ serviceName: v })} error={errors.serviceName} disabled={mode === "update"} hint="4–40 characters: letters, digits, - and _; starts with a letter or digit." />
          <Labeled id="region" label="Region" hint="The region selected in the header.">
            <input id="region" className="input bg-[var(--bg)] text-[var(--muted)]" value={region} readOnly />
          </Labeled>
        </div>
      </Section>
      <SourceFields state={state} set={set} errors={errors} locked={mode === "update"} />
      <Section title="Instance">
        <div className="grid gap-3 md:grid-cols-3">
          <SelectField
            id="cpu"
            label="CPU"
            value={state.cpu}
            options={cpuOptions}
            onChange={(cpu) => {
              const allowed: readonly string[] = instanceSizes[cpu as Cpu] ?? [];
              set({ cpu, memory: allowed.includes(state.memory) ? state.memory : (allowed[0] ?? state.memory) });
            }}
            error={errors.cpu}
          />
          <SelectField id="memory" label="Memory" value={state.memory} options={memoryOptions} onChange={(memory) => set({ memory })} error={errors.memory} />
          <TextField id="instanceRoleArn" label="Instance role ARN (optional)" value={state.instanceRoleArn} onChange={(v) => set({ instanceRoleArn: v })} error={errors.instanceRoleArn} />
        </div>
      </Section>
      <EnvVarsEditor
        rows={state.env}
        onChange={(env) => set({ env })}
        errors={errors}
        note={state.sourceKind === "code" && state.code.configurationSource === "REPOSITORY" ? "With apprunner.yaml, App Runner takes variables from the file: these are not sent." : undefined}
      />
      <Section title="Health check">
        <div className="grid gap-3 md:grid-cols-3">
          <SelectField id="hcProtocol" label="Protocol" value={state.healthCheck.protocol} options={["TCP", "HTTP"]} onChange={(v) => set({ healthCheck: { ...state.healthCheck, protocol: v === "HTTP" ? "HTTP" : "TCP" } })} />
          {state.healthCheck.protocol === "HTTP" ? (
            <TextField id="hcPath" label="Path" value={state.healthCheck.path} onChange={(v) => set({ healthCheck: { ...state.healthCheck, path: v } })} error={errors["healthCheck.path"]} />
          ) : null}
          {(
            [
              ["interval", "Interval (s)"],
              ["timeout", "Timeout (s)"],
              ["healthyThreshold", "Healthy threshold"],
              ["unhealthyThreshold", "Unhealthy threshold"],
            ] as const
          ).map(([k, label]) => (
            <TextField key={k} id={`hc-${k}`} label={label} value={state.healthCheck[k]} onChange={(v) => set({ healthCheck: { ...state.healthCheck, [k]: v } })} error={errors[`healthCheck.${k}`]} hint="1 to 20" />
          ))}
        </div>
      </Section>
      <Section title="Auto scaling">
        <SelectField
          id="autoScaling"
          label="Configuration"
          value={state.autoScalingConfigurationArn}
          onChange={(v) => set({ autoScalingConfigurationArn: v })}
          options={[{ value: "", label: mode === "create" ? "Account default" : "Keep current" }, ...autoScalingOptions.map((o) => ({ value: o.arn, label: o.label }))]}
          error={errors.autoScalingConfigurationArn}
        />
      </Section>
      <TagsEditor rows={state.tags} onChange={(tags) => set({ tags })} errors={errors} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? (mode === "create" ? "Creating…" : "Saving…") : mode === "create" ? "Create service" : "Save changes"}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
