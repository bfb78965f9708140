import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiHandler } from "../contracts.js";
import { CloudWatchError, metricOperations } from "./metric-operations.js";
import type { MetricStore } from "./metric-store.js";
import { parseQueryForm, toJsonValue, xmlError, xmlResponse } from "./query-protocol.js";

const TARGET_PREFIX = "GraniteServiceVersion20100801.";

/**
 * CloudWatch on the runtime's API listener, in both protocols real clients send: AWS JSON 1.0 in
 * query-compatible mode (`@aws-sdk/client-cloudwatch`, AWS CLI v1) and the form-encoded query protocol
 * with XML responses (Debian's AWS CLI v2). smithy RPC v2 CBOR is not spoken (clients only use it when forced).
 */
export function createCloudWatchApi(store: MetricStore): ApiHandler {
  return {
    canHandle(req: IncomingMessage): boolean {
      const target = req.headers["x-amz-target"];
      if (typeof target === "string") return target.startsWith(TARGET_PREFIX);
      return req.method === "POST" && String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
    },
    async handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
      const requestId = randomUUID();
      if (typeof req.headers["x-amz-target"] === "string") handleJson(store, req, body, res, requestId);
      else handleQuery(store, body, res, requestId);
    },
  };
}

function run(store: MetricStore, op: string, input: Record<string, unknown>): unknown {
  const fn = Object.hasOwn(metricOperations, op) ? metricOperations[op] : undefined;
  if (!fn) throw new CloudWatchError("InvalidAction", "InvalidAction", `The local runtime does not implement CloudWatch operation ${op}.`);
  return fn(store, input);
}

function handleJson(store: MetricStore, req: IncomingMessage, body: Buffer, res: ServerResponse, requestId: string): void {
  const op = String(req.headers["x-amz-target"]).slice(TARGET_PREFIX.length);
  let status = 200;
  let payload: unknown;
  const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": requestId };
  try {
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString("utf8")) : {};
    } catch {
      throw new CloudWatchError("SerializationException", "SerializationException", "The request body is not valid JSON.");
    }
    if (!input || typeof input !== "object" || Array.isArray(input)) throw new CloudWatchError("SerializationException", "SerializationException", "The request body must be a JSON object.");
    payload = toJsonValue(run(store, op, input as Record<string, unknown>));
  } catch (err) {
    const e = asCloudWatchError(err);
    status = e.status;
    payload = { __type: `com.amazonaws.cloudwatch#${e.type}`, message: e.message };
    // The JS SDK picks the exception class from this header in query-compatible mode; botocore reads __type.
    headers["x-amzn-query-error"] = `${e.code};${e.status >= 500 ? "Receiver" : "Sender"}`;
    headers["x-amzn-errortype"] = e.type;
  }
  const text = JSON.stringify(payload);
  res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}

function handleQuery(store: MetricStore, body: Buffer, res: ServerResponse, requestId: string): void {
  let status = 200;
  let text: string;
  try {
    const { action, version, input } = parseQueryForm(body.toString("utf8"));
    if (!action) throw new CloudWatchError("MissingAction", "MissingAction", "The request must contain the parameter Action.");
    if (version !== undefined && version !== "2010-08-01") throw new CloudWatchError("InvalidParameterValue", "InvalidParameterValueException", `Unsupported Version ${version}; use 2010-08-01.`);
    text = xmlResponse(action, run(store, action, input), requestId);
  } catch (err) {
    const e = asCloudWatchError(err);
    status = e.status;
    text = xmlError(e.code, e.message, requestId);
  }
  res.writeHead(status, { "content-type": "text/xml", "content-length": String(Buffer.byteLength(text)), "x-amzn-requestid": requestId });
  res.end(text);
}

function asCloudWatchError(err: unknown): CloudWatchError {
  if (err instanceof CloudWatchError) return err;
  return new CloudWatchError("InternalServiceError", "InternalServiceFault", `Internal error: ${(err as Error).message}`, 500);
}
