// SigV4 as AWS checks it. The expected signature is computed by AWS's own signer (@smithy/signature-v4,
// installed with the SDK) over exactly the headers the client signed; around it, the checks the signer
// does not make: the scope's service and region, the clock, and the body against X-Amz-Content-Sha256.
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";
import { isKnownRegion } from "./aws-regions.js";

export const DEFAULT_REGION = "us-east-1";

/** AWS refuses a request signed more than 15 minutes away from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** A request refused before (or instead of) reaching an API handler. */
export interface Refusal {
  type: string;
  queryCode: string;
  status: number;
  message: string;
}

const AUTH_RE = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;

export function parseAuthorization(header: string | undefined): SigV4Authorization | undefined {
  const m = header ? AUTH_RE.exec(header.trim()) : null;
  if (!m) return undefined;
  return {
    accessKeyId: m[1] as string,
    date: m[2] as string,
    region: m[3] as string,
    service: m[4] as string,
    signedHeaders: (m[5] as string).split(";"),
    signature: m[6] as string,
  };
}

/** The region the client signed for: state is partitioned by it. Unsigned requests land in us-east-1. */
export function regionOf(req: IncomingMessage): string {
  return parseAuthorization(header(req, "authorization"))?.region ?? DEFAULT_REGION;
}

const invalid = (message: string): Refusal => ({ type: "InvalidSignatureException", queryCode: "SignatureDoesNotMatch", status: 403, message });
const incomplete = (message: string): Refusal => ({ type: "IncompleteSignatureException", queryCode: "IncompleteSignature", status: 400, message });

/** The credential scope names the API being called and a real region. Checked even when signatures are not verified. */
export function checkScope(auth: SigV4Authorization, signingName: string): Refusal | undefined {
  if (auth.service !== signingName) return invalid(`Credential should be scoped to correct service: '${signingName}'. `);
  if (!isKnownRegion(auth.region)) return invalid("Credential should be scoped to a valid region. ");
  return undefined;
}

/**
 * Everything that can be checked from the head alone, before any of the body is read:
 * X-Amz-Date signed, well formed, the scope's day and within 15 minutes of now; a payload hash that can be checked.
 */
export function checkHead(req: IncomingMessage, auth: SigV4Authorization, now = Date.now()): Refusal | undefined {
  const amzDate = header(req, "x-amz-date");
  if (!amzDate || !auth.signedHeaders.includes("x-amz-date")) return incomplete("Authorization header requires existence of a signed X-Amz-Date header.");
  if (!auth.signedHeaders.includes("host")) return incomplete("Authorization header requires 'Host' to be signed.");
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) return incomplete(`X-Amz-Date must be in ISO-8601 basic format (yyyyMMdd'T'HHmmss'Z'), got '${amzDate}'.`);
  if (!amzDate.startsWith(auth.date)) {
    return invalid(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`);
  }
  if (signedAt < now - MAX_CLOCK_SKEW_MS) return invalid(`Signature expired: ${amzDate} is now earlier than ${amz(now - MAX_CLOCK_SKEW_MS)} (${amz(now)} - 15 min.)`);
  if (signedAt > now + MAX_CLOCK_SKEW_MS) return invalid(`Signature not yet current: ${amzDate} is still later than ${amz(now + MAX_CLOCK_SKEW_MS)} (${amz(now)} + 15 min.)`);
  const payload = header(req, "x-amz-content-sha256");
  if (payload !== undefined && !/^[0-9a-f]{64}$/.test(payload)) {
    return invalid(`X-Amz-Content-Sha256 must be the hex SHA-256 of the request body; '${payload}' is not accepted by this API.`);
  }
  return undefined;
}

/** Recomputes the signature of the request and its body with AWS's signer and compares it with the one sent. */
export async function verifySignature(req: IncomingMessage, body: Buffer, auth: SigV4Authorization, secretKey: string): Promise<Refusal | undefined> {
  const bodyHash = createHash("sha256").update(body).digest("hex");
  const claimed = header(req, "x-amz-content-sha256");
  if (claimed !== undefined && claimed !== bodyHash) return invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
  const signedAt = parseAmzDate(header(req, "x-amz-date") ?? "");
  if (signedAt === undefined) return incomplete("Authorization header requires existence of a signed X-Amz-Date header.");
  const url = new URL(req.url ?? "/", "http://localhost");
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) headers[name] = canonicalHeaderValue(req, name);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prior = query[k];
    query[k] = prior === undefined ? v : Array.isArray(prior) ? [...prior, v] : [prior, v];
  }
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: secretKey },
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: (req.method ?? "GET").toUpperCase(), protocol: "http:", hostname: url.hostname, path: decodePath(url.pathname), query, headers, body },
    { signingDate: new Date(signedAt), signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? ""))?.[1] ?? "";
  const a = Buffer.from(expected);
  const b = Buffer.from(auth.signature);
  if (a.length === b.length && timingSafeEqual(a, b)) return undefined;
  return invalid(
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  );
}

/** `20240102T030405Z` -> epoch ms, or undefined when it is not exactly that form. */
function parseAmzDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(t) ? undefined : t;
}

function amz(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** The signer escapes the path itself; clients signed the decoded path. */
function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** rawHeaders keeps repeated headers apart; SigV4 joins their trimmed values with commas. */
function canonicalHeaderValue(req: IncomingMessage, name: string): string {
  const values: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if ((req.rawHeaders[i] as string).toLowerCase() === name) values.push((req.rawHeaders[i + 1] as string).trim().replace(/\s+/g, " "));
  }
  return values.join(",");
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** The signer's hash interface over node:crypto: SHA-256, or HMAC-SHA-256 when given a secret. */
export class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}
