"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

function CopyBlock({ title, text, testId }: { title: string; text: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold">{title}</h3>
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(text).catch(() => undefined);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <pre data-testid={testId} className="surface overflow-x-auto p-3 font-mono text-xs whitespace-pre">
        {text}
      </pre>
    </section>
  );
}

export function ExportPanel({ yaml, cli }: { yaml?: string; cli: string }) {
  return (
    <div className="space-y-5">
      {yaml ? <CopyBlock title="apprunner.yaml" text={yaml} testId="export-yaml" /> : <p className="muted text-sm">Image services have no apprunner.yaml.</p>}
      <CopyBlock title="AWS CLI: aws apprunner create-service" text={cli} testId="export-cli" />
      <p className="muted text-xs">Secret values are never exported: replace the placeholders with your secret ARNs.</p>
    </div>
  );
}
