import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { parseBoundedJson } from "./json-depth.js";

/** An error an API operation raises on purpose; encoded by `writeJsonError` in the protocol's own shape. */
export class AwsError extends Error {
  constructor(
    /** Exception shape name from the model, e.g. `ResourceNotFoundException`. */
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface JsonErrorOptions {
  /** Smithy namespace used in `__type`, e.g. `com.amazonaws.apprunner`. */
  namespace: string;
  /** `application/x-amz-json-1.0` or `-1.1`. */
  contentType: string;
  /** CloudWatch's query-compatible mode: the JS SDK picks the exception class from `x-amzn-query-error`. */
  queryErrorCode?: string;
}

export function writeJson(res: ServerResponse, body: unknown, contentType: string, status = 200): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
  });
  res.end(text);
}

/**
 * AWS JSON errors: HTTP 4xx/5xx, `{"__type": "<namespace>#<Type>", "message": ...}` plus `x-amzn-errortype`.
 * botocore reads only the body; the JS SDK reads either. Both `message` and `Message` are sent because
 * services differ and clients look for either spelling.
 */
export function writeJsonError(res: ServerResponse, error: { type: string; message: string; status?: number }, opts: JsonErrorOptions): void {
  const text = JSON.stringify({ __type: `${opts.namespace}#${error.type}`, message: error.message, Message: error.message });
  const headers: Record<string, string | number> = {
    "content-type": opts.contentType,
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
    "x-amzn-errortype": `${error.type}:http://internal.amazon.com/coral/${opts.namespace}/`,
  };
  if (opts.queryErrorCode) headers["x-amzn-query-error"] = `${opts.queryErrorCode};${(error.status ?? 400) >= 500 ? "Receiver" : "Sender"}`;
  res.writeHead(error.status ?? 400, headers);
  res.end(text);
}

/** Maps anything thrown by an operation to an AWS error (unexpected errors become InternalServiceErrorException). */
export function toAwsError(err: unknown, internalType = "InternalServiceErrorException"): AwsError {
  if (err instanceof AwsError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AwsError(internalType, `An internal error occurred: ${message}`, 500);
}

/** Parses a JSON request body; an empty body is `{}` as AWS treats it. */
export function parseJsonBody(body: Buffer): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const text = body.toString("utf8").trim();
  if (text === "") return { ok: true, value: {} };
  try {
    const value: unknown = parseBoundedJson(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: "Request body must be a JSON object" };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (err) {
    return { ok: false, message: `Malformed JSON request body: ${(err as Error).message}` };
  }
}

/** `X-Amz-Target: Prefix.Operation` -> `Operation` when the prefix matches. */
export function targetOperation(req: IncomingMessage, prefix: string): string | undefined {
  const target = req.headers["x-amz-target"];
  if (typeof target !== "string") return undefined;
  const dot = target.lastIndexOf(".");
  return dot !== -1 && target.slice(0, dot) === prefix ? target.slice(dot + 1) : undefined;
}
