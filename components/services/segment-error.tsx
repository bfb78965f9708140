"use client";
import { Button } from "@/components/ui/button";

/** error.tsx body for the services segments: what failed, and a retry. */
export function SegmentError({ error, reset, what }: { error: Error & { digest?: string }; reset: () => void; what: string }) {
  return (
    <div role="alert" className="surface space-y-3 p-6">
      <h2 className="text-lg font-semibold">Could not load {what}</h2>
      <p className="muted text-sm">{error.message || "The error was logged on the server."}{error.digest ? ` (reference ${error.digest})` : ""}</p>
      <Button variant="secondary" onClick={() => reset()}>
        Try again
      </Button>
    </div>
  );
}
