import { randomUUID } from "node:crypto";
// Ships with every @aws-sdk/client-* package (their shared protocol core); the runtime only borrows its codec.
import { cbor, dateToTag } from "@smithy/core/cbor";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiHandler } from "../contracts.js";
import { parseBoundedJson } from "../protocol/json-depth.js";
import { CloudWatchError } from "./cloudwatch-error.js";
import { metricOperations } from "./metric-operations.js";
import type { MetricStore } from "./metric-store.js";
import { parseQueryForm, toJsonValue, xmlError, xmlResponse } from "./query-protocol.js";

const TARGET_PREFIX = "GraniteServiceVersion20100801.";
const CBOR_PATH = "/service/GraniteServiceVersion20100801/operation/";

/**
 * CloudWatch on the runtime's API listener, in both protocols real clients send: AWS JSON 1.0 in
 * query-compatible mode (`@aws-sdk/client-cloudwatch`, AWS CLI v1) and the form-encoded query protocol
 * with XML responses (Debian's AWS CLI v2), and smithy RPC v2 CBOR (what clients send when forced to it).
 */
export function createCloudWatchApi(store: MetricStore): ApiHandler {
  return {
    signingName: "monitoring",
    maxBodyBytes: 2 * 1024 * 1024,
    canHandle(req: IncomingMessage): boolean {
      const target = req.headers["x-amz-target"];
      if (typeof target === "string") return target.startsWith(TARGET_PREFIX);
      if (req.url?.startsWith(CBOR_PATH)) return true;
      return req.method === "POST" && String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
    },
    async handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
      const requestId = randomUUID();
      if (typeof req.headers["x-amz-target"] === "string") handleJson(store, req, body, res, requestId);
      else if (req.url?.startsWith(CBOR_PATH)) handleCbor(store, req, body, res, requestId);
      else handleQuery(store, body, res, requestId);
    },
  };
}

function run(store: MetricStore, op: string, input: Record<string, unknown>): unknown {
  const fn = Object.hasOwn(metricOperations, op) ? metricOperations[op] : undefined;
  if (!fn) throw new CloudWatchError("InvalidAction", "InvalidAction", `The local runtime does not implement CloudWatch operation ${op}.`);
  return fn(store, input);
}

/** The JSON and CBOR fronts: decode a body that must be a map, run the operation, encode its result or an AWS-shaped error. */
function invoke(store: MetricStore, op: string, decode: () => unknown, encode: (out: unknown) => unknown, format: "JSON object" | "CBOR map"): { status: number; payload: unknown; error?: CloudWatchError } {
  try {
    let input: unknown;
    try {
      input = decode();
    } catch {
      throw new CloudWatchError("SerializationException", "SerializationException", `The request body is not valid ${format.split(" ")[0]}.`);
    }
    if (!input || typeof input !== "object" || Array.isArray(input)) throw new CloudWatchError("SerializationException", "SerializationException", `The request body must be a ${format}.`);
    return { status: 200, payload: encode(run(store, op, input as Record<string, unknown>)) };
  } catch (err) {
    const e = asCloudWatchError(err);
    return { status: e.status, payload: { __type: `com.amazonaws.cloudwatch#${e.type}`, message: e.message }, error: e };
  }
}

/** The JS SDK picks the exception class from this header in query-compatible mode; botocore reads __type. */
function queryErrorHeader(e: CloudWatchError): string {
  return `${e.code};${e.status >= 500 ? "Receiver" : "Sender"}`;
}

function handleJson(store: MetricStore, req: IncomingMessage, body: Buffer, res: ServerResponse, requestId: string): void {
  const op = String(req.headers["x-amz-target"]).slice(TARGET_PREFIX.length);
  const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": requestId };
  const r = invoke(store, op, () => (body.length ? parseBoundedJson(body.toString("utf8")) : {}), toJsonValue, "JSON object");
  if (r.error) {
    headers["x-amzn-query-error"] = queryErrorHeader(r.error);
    headers["x-amzn-errortype"] = r.error.type;
  }
  const text = JSON.stringify(r.payload);
  res.writeHead(r.status, { ...headers, "content-length": String(Buffer.byteLength(text)) });
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

function handleCbor(store: MetricStore, req: IncomingMessage, body: Buffer, res: ServerResponse, requestId: string): void {
  const op = String(req.url).slice(CBOR_PATH.length).split("?")[0] ?? "";
  const headers: Record<string, string> = { "content-type": "application/cbor", "smithy-protocol": "rpc-v2-cbor", "x-amzn-requestid": requestId };
  const r = invoke(store, op, () => (body.length ? fromCbor(cbor.deserialize(body)) : {}), toCbor, "CBOR map");
  if (r.error) headers["x-amzn-query-error"] = queryErrorHeader(r.error);
  const bytes = Buffer.from(cbor.serialize(r.payload));
  res.writeHead(r.status, { ...headers, "content-length": String(bytes.length) });
  res.end(bytes);
}

/** CBOR timestamps arrive as tag 1 (epoch seconds); the operations take Date. */
function fromCbor(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromCbor);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o.tag === 1 && typeof o.value === "number") return new Date(o.value * 1000);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromCbor(x)]));
  }
  return v;
}

function toCbor(v: unknown): unknown {
  if (v instanceof Date) return dateToTag(v);
  if (Array.isArray(v)) return v.map(toCbor);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, toCbor(x)]));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).map(([k, x]) => [k, toCbor(x)]));
  return v;
}

function asCloudWatchError(err: unknown): CloudWatchError {
  if (err instanceof CloudWatchError) return err;
  return new CloudWatchError("InternalServiceError", "InternalServiceFault", `Internal error: ${(err as Error).message}`, 500);
}
