// Maps any thrown value to what a user may see: our ActionError as is, AWS SDK errors
// as "<Name>: <message>" (the exact upstream error is useful), everything else generic.
import { ActionError, type ActionErrorCode } from "@/lib/actions/action-result";

export interface DescribedError {
  message: string;
  code: ActionErrorCode;
}

export function isAwsError(err: unknown): err is Error & { $metadata?: { httpStatusCode?: number }; $fault?: string } {
  return err instanceof Error && ("$metadata" in err || "$fault" in err);
}

export function describeError(err: unknown): DescribedError {
  if (err instanceof ActionError) return { message: err.message, code: err.code };
  if (isAwsError(err)) {
    const status = err.$metadata?.httpStatusCode;
    const code: ActionErrorCode = err.name === "ResourceNotFoundException" ? "not_found" : "upstream";
    return { message: `${err.name}: ${err.message}${status ? ` (HTTP ${status})` : ""}`, code };
  }
  if (err instanceof Error) {
    // Network-level failures reaching an endpoint are actionable, and carry no secrets.
    const net = (err as { code?: string }).code ?? (err.cause as { code?: string } | undefined)?.code;
    if (net && /^E[A-Z]+$/.test(net)) return { message: `${err.name}: ${err.message}`, code: "upstream" };
    if (err.name === "CredentialsProviderError" || err.name === "ProviderError") return { message: `${err.name}: ${err.message}`, code: "upstream" };
  }
  return { message: "Something went wrong. The error was logged on the server.", code: "internal" };
}
