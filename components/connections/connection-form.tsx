"use client";
import { useActionForm } from "@/components/ui/use-action-form";
import { useState } from "react";
import type { ConnectionView } from "@/lib/connections/connection-view";
import type { ActionResult } from "@/lib/actions/action-result";
import { createConnectionAction, updateConnectionAction } from "@/lib/connections/connection-actions";
import { Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Add or edit a connection. The secret is write-only: the form never receives it. */
export function ConnectionForm({ connection }: { connection?: ConnectionView }) {
  const submit = (connection ? updateConnectionAction : createConnectionAction) as (prev: ActionResult<unknown> | null, fd: FormData) => Promise<ActionResult<unknown>>;
  const { state, pending, onSubmit } = useActionForm(submit);
  const [kind, setKind] = useState<"aws" | "local">(connection?.kind ?? "aws");
  const [cred, setCred] = useState<"default" | "profile" | "static">(connection?.credentialType ?? "default");
  const errors = fieldErrors(state);
  return (
    <form onSubmit={onSubmit} className="surface max-w-2xl space-y-4 p-5" noValidate>
      <FormMessage state={state} success={state?.ok ? "Saved." : undefined} />
      {connection ? <input type="hidden" name="id" value={connection.id} /> : null}
      <Field label="Name" name="name" error={errors.name}>
        <TextInput name="name" defaultValue={connection?.name} required error={errors.name} placeholder="Production (eu-west-1)" />
      </Field>
      <Field label="Kind" name="kind" error={errors.kind}>
        <SelectInput
          name="kind"
          value={kind}
          error={errors.kind}
          onChange={(e) => {
            const k = e.target.value === "local" ? "local" : "aws";
            setKind(k);
            if (k === "local") setCred("static");
          }}
        >
          <option value="aws">AWS (real App Runner)</option>
          <option value="local">Local runtime (endpoint URL)</option>
        </SelectInput>
      </Field>
      {kind === "local" ? (
        <Field label="Endpoint URL" name="endpoint" error={errors.endpoint} hint="The runtime's API, e.g. http://127.0.0.1:4580">
          <TextInput name="endpoint" defaultValue={connection?.endpoint ?? ""} placeholder="http://127.0.0.1:4580" error={errors.endpoint} />
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Regions" name="regions" error={errors.regions} hint="Comma or space separated.">
          <TextInput name="regions" defaultValue={connection?.regions.join(", ") ?? "us-east-1"} error={errors.regions} />
        </Field>
        <Field label="Default region" name="defaultRegion" error={errors.defaultRegion} hint="Empty: the first region.">
          <TextInput name="defaultRegion" defaultValue={connection?.defaultRegion ?? ""} error={errors.defaultRegion} placeholder="us-east-1" />
        </Field>
      </div>
      <Field label="Credentials" name="credentialType" error={errors.credentialType}>
        <SelectInput name="credentialType" value={cred} onChange={(e) => setCred(e.target.value as typeof cred)} error={errors.credentialType}>
          {kind === "aws" ? <option value="default">Default provider chain (env, ~/.aws, instance role)</option> : null}
          {kind === "aws" ? <option value="profile">Named profile</option> : null}
          <option value="static">Static access keys</option>
        </SelectInput>
      </Field>
      {cred === "profile" ? (
        <Field label="Profile" name="profile" error={errors.profile}>
          <TextInput name="profile" defaultValue={connection?.profile ?? ""} error={errors.profile} />
        </Field>
      ) : null}
      {cred === "static" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Access key ID" name="accessKeyId" error={errors.accessKeyId}>
            <TextInput name="accessKeyId" defaultValue={connection?.accessKeyId ?? ""} autoComplete="off" error={errors.accessKeyId} />
          </Field>
          <Field label="Secret access key" name="secretAccessKey" error={errors.secretAccessKey} hint={connection?.hasSecret ? "Stored (encrypted). Leave empty to keep it." : undefined}>
            <TextInput name="secretAccessKey" type="password" autoComplete="new-password" error={errors.secretAccessKey} placeholder={connection?.hasSecret ? "••••••••" : ""} />
          </Field>
        </div>
      ) : null}
      {kind === "aws" ? (
        <Field label="Role to assume (optional)" name="roleArn" error={errors.roleArn} hint="Runway calls STS AssumeRole with the credentials above.">
          <TextInput name="roleArn" defaultValue={connection?.roleArn ?? ""} placeholder="arn:aws:iam::123456789012:role/RunwayConsole" error={errors.roleArn} />
        </Field>
      ) : null}
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingText="Saving…">{connection ? "Save changes" : "Add connection"}</SubmitButton>
      </div>
    </form>
  );
}
