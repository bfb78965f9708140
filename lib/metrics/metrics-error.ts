// A failed metrics read, for the browser: AWS's own words, its code, and when AWS refused,
// the action it denied (from its message, else the call we made).
import { describeAwsError } from "@/lib/services/aws-error";

export interface MetricsErrorBody {
  message: string;
  code: string;
  deniedAction?: string;
}

const DENIED = /AccessDenied|UnauthorizedOperation|NotAuthorized/i;

export function metricsErrorBody(err: unknown, attempted: string): { body: MetricsErrorBody; status: number } {
  const e = describeAwsError(err);
  if (DENIED.test(e.code)) {
    const raw = String((err as { message?: unknown })?.message ?? "");
    const action = /perform:\s*([\w-]+:[\w*]+)/.exec(raw)?.[1] ?? attempted;
    return { body: { message: raw || e.message, code: e.code, deniedAction: action }, status: 403 };
  }
  return { body: { message: e.message, code: e.code }, status: e.code === "ResourceNotFoundException" ? 404 : 502 };
}
