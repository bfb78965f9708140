// The one error mapper. SDK errors -> one plain sentence plus the AWS error code, for forms,
// error boundaries and route handlers; describeError() maps any thrown value for actions:
// our ActionError as is, AWS/network/connection errors in these words, anything else generic
// (it may carry internals, so it is logged on the server instead).
import { ActionError, type ActionErrorCode } from "@/lib/actions/action-result";

export interface AwsErrorView {
  code: string;
  message: string;
  /** True when retrying later may help (throttling, network, 5xx). */
  retryable: boolean;
}

const plain: Record<string, string> = {
  ThrottlingException: "AWS is throttling requests right now. Wait a moment and try again.",
  TooManyRequestsException: "AWS is throttling requests right now. Wait a moment and try again.",
  AccessDeniedException: "The connection's credentials are not allowed to do this.",
  AccessDenied: "The connection's credentials are not allowed to do this.",
  UnrecognizedClientException: "The connection's credentials were rejected.",
  InvalidSignatureException: "The connection's credentials were rejected (bad signature).",
  ExpiredTokenException: "The connection's session token has expired.",
  InvalidStateException: "The service is not in a state that allows this operation.",
  ResourceNotFoundException: "The service (or resource) no longer exists.",
  ResourceNotFound: "The resource no longer exists.",
  InvalidRequestException: "App Runner rejected the request.",
  ServiceQuotaExceededException: "An App Runner quota was reached.",
  InternalServiceErrorException: "App Runner had an internal error. Try again.",
  CredentialsProviderError: "No credentials were found for this connection.",
};

const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

function field(err: unknown, key: string): unknown {
  return err && typeof err === "object" ? (err as Record<string, unknown>)[key] : undefined;
}

export function describeAwsError(err: unknown): AwsErrorView {
  const name = String(field(err, "name") ?? field(err, "Code") ?? "Error");
  const rawMessage = String(field(err, "message") ?? field(err, "Message") ?? err ?? "");
  const errno = String(field(err, "code") ?? field(field(err, "cause"), "code") ?? "");
  const status = Number((field(field(err, "$metadata"), "httpStatusCode") as number | undefined) ?? 0);

  if (networkCodes.has(errno) || networkCodes.has(name) || /ECONNREFUSED|ENOTFOUND|socket hang up|fetch failed/i.test(rawMessage)) {
    return {
      code: errno || "NetworkError",
      message: `The AWS endpoint could not be reached (${errno || "network error"}). Check the connection's endpoint and that it is running.`,
      retryable: true,
    };
  }
  if (name === "TimeoutError" || name === "RequestTimeout") {
    return { code: name, message: "The AWS endpoint did not answer in time.", retryable: true };
  }
  const known = plain[name];
  const detail = rawMessage && rawMessage !== name && rawMessage !== "UnknownError" ? rawMessage : "";
  if (known) {
    const retryable = /Throttl|TooManyRequests|InternalService/.test(name);
    return { code: name, message: detail && !known.includes(detail) ? `${known} ${detail}` : known, retryable };
  }
  if (status >= 500) return { code: name, message: `AWS answered with a server error (${status}). ${detail}`.trim(), retryable: true };
  return { code: name, message: detail || "The request failed.", retryable: false };
}

export function formatAwsError(err: unknown): string {
  const e = describeAwsError(err);
  return `${e.message} (${e.code})`;
}

export function isAwsError(err: unknown): err is Error & { $metadata?: { httpStatusCode?: number }; $fault?: string } {
  return err instanceof Error && ("$metadata" in err || "$fault" in err);
}

/** AWS, network, credential and connection errors say something useful and carry no secrets. */
export function isExplainableError(err: unknown): boolean {
  if (isAwsError(err)) return true;
  if (!(err instanceof Error)) return false;
  if (["CredentialsProviderError", "ProviderError", "AwsContextError", "TimeoutError"].includes(err.name)) return true;
  const net = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  // errno-style codes (ECONNREFUSED...), not Node's internal ERR_* codes.
  return typeof net === "string" && (/^E[A-Z]+$/.test(net) || net === "UND_ERR_CONNECT_TIMEOUT");
}

export interface DescribedError {
  message: string;
  code: ActionErrorCode;
}

export function describeError(err: unknown): DescribedError {
  if (err instanceof ActionError) return { message: err.message, code: err.code };
  if (isExplainableError(err)) {
    const e = describeAwsError(err);
    return { message: `${e.message} (${e.code})`, code: e.code === "ResourceNotFoundException" ? "not_found" : "upstream" };
  }
  return { message: "Something went wrong. The error was logged on the server.", code: "internal" };
}
