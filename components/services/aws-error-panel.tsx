import type { AwsErrorView } from "@/lib/services/aws-error";

/** An AWS failure in plain words with its error code (pages catch these rather than crash). */
export function AwsErrorPanel({ what, error }: { what: string; error: AwsErrorView }) {
  return (
    <div role="alert" className="surface space-y-1 border-red-300 p-4 dark:border-red-900">
      <h2 className="font-semibold">Could not load {what}</h2>
      <p className="text-sm">{error.message}</p>
      <p className="muted font-mono text-xs">{error.code}</p>
    </div>
  );
}
