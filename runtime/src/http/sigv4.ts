import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const DEFAULT_REGION = "us-east-1";

export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
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

/** Recomputes the SigV4 signature of a request (header form) and compares it with the one sent. */
export function verifySignature(req: IncomingMessage, body: Buffer, auth: SigV4Authorization, secretKey: string): boolean {
  const amzDate = header(req, "x-amz-date");
  if (!amzDate || !amzDate.startsWith(auth.date)) return false;
  const url = new URL(req.url ?? "/", "http://localhost");
  const canonicalHeaders = auth.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(req, name)}\n`).join("");
  const payloadHash = header(req, "x-amz-content-sha256") ?? sha256(body);
  const canonicalRequest = [
    (req.method ?? "GET").toUpperCase(),
    canonicalPath(url.pathname),
    canonicalQuery(req.url ?? ""),
    canonicalHeaders,
    auth.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  let key = hmac(`AWS4${secretKey}`, auth.date);
  for (const part of [auth.region, auth.service, "aws4_request"]) key = hmac(key, part);
  const expected = Buffer.from(hmac(key, stringToSign).toString("hex"));
  const given = Buffer.from(auth.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

function canonicalHeaderValue(req: IncomingMessage, name: string): string {
  // rawHeaders keeps repeated headers apart; SigV4 joins their values with commas.
  const values: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if ((req.rawHeaders[i] as string).toLowerCase() === name) values.push((req.rawHeaders[i + 1] as string).trim().replace(/\s+/g, " "));
  }
  return values.join(",");
}

/** Non-S3 services sign the path URI-encoded once more than it was sent. */
function canonicalPath(path: string): string {
  if (!path || path === "/") return "/";
  return path
    .split("/")
    .map((segment) => rfc3986(segment))
    .join("/");
}

function canonicalQuery(rawUrl: string): string {
  const q = rawUrl.indexOf("?");
  if (q === -1) return "";
  const pairs = rawUrl
    .slice(q + 1)
    .split("&")
    .filter(Boolean)
    .map((p) => {
      const eq = p.indexOf("=");
      const k = decode(eq === -1 ? p : p.slice(0, eq));
      const v = eq === -1 ? "" : decode(p.slice(eq + 1));
      return [rfc3986(k), rfc3986(v)] as const;
    })
    .filter(([k]) => k !== "X-Amz-Signature");
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}
