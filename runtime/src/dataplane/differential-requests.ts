// Seeded generation and mutation of raw HTTP/1.1 request streams, and the data plane's own reading of them,
// for the differential test against llhttp (differential.test.ts). Same seed, same cases.
import { ChunkedDecoder, FramingError } from "./chunked-decoder.js";
import { HttpError } from "./http-error.js";
import { MAX_REQUEST_HEAD_BYTES, parseRequestHead } from "./request-head.js";

/** mulberry32: small, fast, and the same sequence for a seed on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)] as T;
const chance = (r: Rand, p: number) => r() < p;

const METHODS = ["GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "PROPFIND", "CONNECT", "TRACE", "BREW"];
const PATH_CHARS = "abcxyz019-._~!$&'()*+,;=:@/%";
const VALUE_CHARS = "abcXYZ 0123456789-_.,;:=/\"'()[]{}?!@#$%^&*+|~`\t\x80\xe9\xff";
const NAMES = ["Accept", "User-Agent", "Cookie", "X-Request-Id", "x-custom", "X-A", "Accept-Encoding", "Cache-Control", "If-None-Match", "Authorization", "Referer", "Origin"];
const HOSTS = ["app.localhost", "APP.localhost", "app.localhost:4581", "app.localhost.", "other.localhost"];

function text(r: Rand, chars: string, max: number): string {
  let s = "";
  for (let i = int(r, max + 1); i > 0; i--) s += chars[int(r, chars.length)];
  return s;
}

function bodyBytes(r: Rand, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += chance(r, 0.1) ? pick(r, ["\r", "\n", "\r\n", "0\r\n\r\n", "\0", "\xff"]) : String.fromCharCode(32 + int(r, 95));
  return s.slice(0, n);
}

function chunkedBody(r: Rand, body: string): string {
  let out = "";
  let i = 0;
  while (i < body.length) {
    const n = Math.min(body.length - i, 1 + int(r, 8));
    let size = n.toString(16);
    if (chance(r, 0.2)) size = size.toUpperCase();
    if (chance(r, 0.1)) size = `00${size}`;
    const ext = chance(r, 0.15) ? pick(r, [";a=b", ";x", ';q="v"', " ;a=b"]) : "";
    out += `${size}${ext}\r\n${body.slice(i, i + n)}\r\n`;
    i += n;
  }
  return `${out}0\r\n${chance(r, 0.2) ? "X-Trailer: t\r\n" : ""}\r\n`;
}

/** One well-formed (mostly) request; `last` asks for Connection: close so the data plane ends the case itself. */
export function generateRequest(r: Rand, last: boolean): string {
  const method = pick(r, METHODS);
  const host = chance(r, 0.92) ? "app.localhost" : pick(r, HOSTS);
  let target = `/${text(r, PATH_CHARS, 12)}${chance(r, 0.3) ? `?${text(r, "ab=&%20+x", 10)}` : ""}`;
  if (chance(r, 0.05)) target = `http://${host}${target}`;
  else if (chance(r, 0.03)) target = "*";
  const version = chance(r, 0.9) ? "HTTP/1.1" : "HTTP/1.0";
  const lines: string[] = [];
  const hostName = chance(r, 0.8) ? "Host" : pick(r, ["host", "HOST", "hOsT"]);
  if (chance(r, 0.98)) lines.push(`${hostName}: ${host}`);
  for (let i = int(r, 6); i > 0; i--) {
    const ows = () => pick(r, ["", " ", " ", "  ", "\t", " \t"]);
    lines.push(`${pick(r, NAMES)}:${ows()}${text(r, VALUE_CHARS, 16).trim()}${ows()}`);
  }
  if (chance(r, 0.15)) lines.push(`X-Forwarded-For: ${pick(r, ["10.0.0.1", "1.2.3.4, 5.6.7.8", ""])}`);
  if (chance(r, 0.05)) lines.push("X-Forwarded-Proto: https");
  if (chance(r, 0.1)) lines.push(`Connection: ${pick(r, ["keep-alive", "X-A", "keep-alive, X-Custom", "Upgrade"])}`);
  if (chance(r, 0.05)) lines.push(`Upgrade: ${pick(r, ["websocket", "h2c"])}`);
  if (chance(r, 0.05)) lines.push("TE: trailers");
  const hasBody = method !== "GET" && method !== "HEAD" ? chance(r, 0.7) : chance(r, 0.1);
  let body = "";
  if (hasBody) {
    const raw = bodyBytes(r, int(r, 40));
    if (version === "HTTP/1.1" && chance(r, 0.4)) {
      lines.push(`${pick(r, ["Transfer-Encoding", "transfer-encoding"])}: ${pick(r, ["chunked", "chunked", "Chunked", " chunked "])}`);
      body = chunkedBody(r, raw);
    } else {
      lines.push(`${pick(r, ["Content-Length", "content-length"])}:${pick(r, [" ", "", "  "])}${raw.length}`);
      body = raw;
    }
    if (chance(r, 0.05)) lines.push("Expect: 100-continue");
  }
  if (last && chance(r, 0.8)) lines.push("Connection: close");
  // Header order varies: Host and framing are not always first or last.
  for (let i = lines.length - 1; i > 0; i--) {
    const j = int(r, i + 1);
    [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
  }
  return `${method} ${target} ${version}\r\n${lines.map((l) => `${l}\r\n`).join("")}\r\n${body}`;
}

const INSERTS = [" ", "\t", "\r\n", "\n", "\r", ":", ",", ";", "0", "\0", "\x7f", "\x80", "Transfer-Encoding: chunked\r\n", "Content-Length: 3\r\n", "Content-Length: 0\r\n", " chunked", ",chunked", "\r\n\r\n", "\r\n ", "GET / HTTP/1.1\r\nHost: app.localhost\r\n\r\n", "Host: other.localhost\r\n", "0\r\n\r\n", "X: y\r\n"];

/** One to three byte-level mutations: flips, inserts of framing-relevant text, deletions, duplicated lines, CRLF to LF. */
export function mutate(r: Rand, s: string): string {
  for (let m = 1 + int(r, 3); m > 0 && s.length; m--) {
    const at = int(r, s.length);
    switch (int(r, 6)) {
      case 0:
        s = s.slice(0, at) + pick(r, INSERTS) + s.slice(at + 1);
        break;
      case 1:
        s = s.slice(0, at) + pick(r, INSERTS) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at + 1 + int(r, 4));
        break;
      case 3: {
        const start = s.lastIndexOf("\r\n", at) + 2;
        const end = s.indexOf("\r\n", at);
        if (end > start) s = s.slice(0, end + 2) + s.slice(start, end + 2) + s.slice(end + 2);
        break;
      }
      case 4: {
        const crlf = s.indexOf("\r\n", at);
        if (crlf >= 0) s = s.slice(0, crlf) + "\n" + s.slice(crlf + 2);
        break;
      }
      default: {
        const c = s.charCodeAt(at);
        if (c >= 65 && c <= 122) s = s.slice(0, at) + String.fromCharCode(c ^ 0x20) + s.slice(at + 1);
      }
    }
  }
  return s;
}

/** A case: 1 to 3 pipelined requests, mutated half the time, sent in 1 to 3 writes. */
export function generateCase(r: Rand): { bytes: string; cuts: number[] } {
  const n = 1 + (chance(r, 0.3) ? int(r, 3) : 0);
  let bytes = "";
  for (let i = 0; i < n; i++) bytes += generateRequest(r, i === n - 1);
  if (chance(r, 0.5)) bytes = mutate(r, bytes);
  const cuts = Array.from({ length: int(r, 3) }, () => int(r, bytes.length)).sort((a, b) => a - b);
  return { bytes, cuts };
}

/** A request as the data plane means it: what it forwards, before its own X-Forwarded-* and framing. */
export interface Meant {
  method: string;
  target: string;
  /** [name, value] as forwarded (value trimmed, as any HTTP parser reads it). */
  headers: [string, string][];
  forwardedFor: string | undefined;
  body: string;
  host: string | undefined;
  chunked: boolean;
  websocket: boolean;
}

export interface Reading {
  requests: Meant[];
  /** Where the last accepted request ends in the stream. */
  consumed: number;
  /** How the stream ends: refused (status), or waiting for more bytes, or consumed to its end. */
  end: { refused: number } | "incomplete" | "complete";
}

/** Splits forward lines ("Name: value\r\n"...) into pairs. */
export function headerPairs(lines: string): [string, string][] {
  return lines
    .split("\r\n")
    .filter(Boolean)
    .map((l) => {
      const colon = l.indexOf(":");
      return [l.slice(0, colon), l.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, "")];
    });
}

/** The data plane's reading of a byte stream, with its own parser: the same steps as ClientConnection. */
export function readAsDataPlane(bytes: string): Reading {
  const requests: Meant[] = [];
  let pos = 0;
  let consumed = 0;
  const done = (end: Reading["end"]): Reading => ({ requests, consumed, end });
  for (;;) {
    while (pos < bytes.length && (bytes[pos] === "\r" || bytes[pos] === "\n")) pos++;
    if (pos >= bytes.length) return done("complete");
    const end = bytes.indexOf("\r\n\r\n", pos);
    if (end < 0 || end - pos > MAX_REQUEST_HEAD_BYTES) return done(bytes.length - pos > MAX_REQUEST_HEAD_BYTES ? { refused: 431 } : "incomplete");
    let head;
    try {
      head = parseRequestHead(bytes.slice(pos, end));
    } catch (err) {
      return done({ refused: err instanceof HttpError ? err.status : 400 });
    }
    pos = end + 4;
    let body = "";
    if (head.chunked) {
      let ended = false;
      const decoder = new ChunkedDecoder((chunk, last) => (last ? (ended = true) : (body += (chunk as Buffer).toString("latin1"))));
      try {
        pos = decoder.push(Buffer.from(bytes, "latin1"), pos);
      } catch (err) {
        if (err instanceof FramingError) return done({ refused: 400 });
        throw err;
      }
      if (!ended) return done("incomplete");
    } else if (head.contentLength > 0) {
      if (bytes.length - pos < head.contentLength) return done("incomplete");
      body = bytes.slice(pos, pos + head.contentLength);
      pos += head.contentLength;
    }
    consumed = pos;
    requests.push({ method: head.method, target: head.target, headers: headerPairs(head.forwardLines), forwardedFor: head.forwardedFor, body, host: head.host, chunked: head.chunked, websocket: head.websocket });
    const close = head.http11 ? head.connection.includes("close") : !head.connection.includes("keep-alive");
    if (close) return done("complete");
  }
}
