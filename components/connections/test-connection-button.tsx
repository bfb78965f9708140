"use client";
import { useState, useTransition } from "react";
import { testConnectionAction } from "@/lib/connections/connection-actions";
import type { ConnectionTestResult } from "@/lib/connections/test-connection";
import { Button } from "@/components/ui/button";

export function TestConnectionButton({ id, regions, defaultRegion }: { id: string; regions: string[]; defaultRegion: string }) {
  const [pending, start] = useTransition();
  const [region, setRegion] = useState(defaultRegion);
  const [result, setResult] = useState<ConnectionTestResult | { ok: false; message: string } | null>(null);
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <select aria-label="Region to test" className="input !w-auto" value={region} onChange={(e) => setRegion(e.target.value)}>
          {regions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            start(async () => {
              setResult(null);
              const res = await testConnectionAction({ id, region });
              setResult(res.ok ? res.data : { ok: false, message: res.message });
            })
          }
        >
          {pending ? "Testing…" : "Test connection"}
        </Button>
      </div>
      {result ? (
        <p role="status" data-testid="connection-test-result" className={`rounded-md border px-3 py-2 text-sm ${result.ok ? "border-green-300 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950/40 dark:text-green-300" : "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"}`}>
          {result.ok ? "✓ " : "✗ "}
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
