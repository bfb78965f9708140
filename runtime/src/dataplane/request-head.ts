import { HOP_BY_HOP, hasBadHeadChars, isToken, scanHeaderLines, TooManyHeadersError } from "./header-lines.js";
import { HttpError } from "./http-error.js";
import { checkHost, checkMethod, checkTarget } from "./request-target.js";

/** Larger request heads get 431, as from Node's own server (its default limit is 16 KiB). */
export const MAX_REQUEST_HEAD_BYTES = 32 * 1024;

/**
 * More header lines get 431. Node's http server keeps only its first 2,000 headers: a client that sent that many
 * would push the X-Forwarded-For the data plane appends out of the app's sight.
 */
export const MAX_REQUEST_HEADERS = 100;

export interface RequestHead {
  method: string;
  /** The request target as sent (origin form, or absolute form from a proxy-style client). */
  target: string;
  http11: boolean;
  /**
   * The header lines to forward to the instance, each ending in CRLF: without hop-by-hop headers, those named in
   * Connection, Expect (answered here), the body's framing and X-Forwarded-For (see forwardedFor).
   */
  forwardLines: string;
  /** X-Forwarded-For values the client sent, joined, if any. */
  forwardedFor: string | undefined;
  host: string | undefined;
  /** The Connection header's tokens, lower-cased. */
  connection: string[];
  /**
   * A WebSocket handshake (a GET without a body asking to upgrade to `websocket`): forwarded as a request like any
   * other, it becomes a tunnel only if the instance answers 101. Any other Upgrade is dropped and the request
   * goes on as plain HTTP.
   */
  websocket: boolean;
  expectContinue: boolean;
  /** -1 when the request has no Content-Length. */
  contentLength: number;
  chunked: boolean;
}

/** Lengths of the header names the parser acts on: others skip the lower-casing. */
const SPECIAL_LENGTHS = new Set([...HOP_BY_HOP, "host", "content-length", "expect", "x-forwarded-for", "x-forwarded-proto"].map((n) => n.length));

/**
 * Parses a request head (the text before the blank line), strictly: anything two HTTP parsers could read
 * differently (both Content-Length and Transfer-Encoding, conflicting lengths, whitespace before a colon,
 * folded lines, bare CR or LF, control characters) is refused, so the data plane and the app behind it always
 * agree where a request ends. Requests are forwarded with framing the data plane writes itself.
 */
export function parseRequestHead(text: string): RequestHead {
  if (hasBadHeadChars(text)) throw new HttpError(400, "control characters or a bare CR or LF in the request head");
  let eol = text.indexOf("\r\n");
  if (eol < 0) eol = text.length;
  const sp1 = text.indexOf(" ");
  const sp2 = sp1 < 0 ? -1 : text.indexOf(" ", sp1 + 1);
  if (sp1 < 0 || sp2 < 0 || sp2 > eol || !isToken(text, 0, sp1) || sp2 === sp1 + 1) throw new HttpError(400, "malformed request line");
  const method = text.slice(0, sp1);
  const target = text.slice(sp1 + 1, sp2);
  for (let i = 0; i < target.length; i++) {
    const c = target.charCodeAt(i);
    if (c <= 32 || c >= 127) throw new HttpError(400, "malformed request target");
  }
  const version = text.slice(sp2 + 1, eol);
  if (version !== "HTTP/1.1" && version !== "HTTP/1.0") {
    if (/^HTTP\/\d(\.\d)?$/.test(version)) throw new HttpError(505, `${version} is not supported: use HTTP/1.1`);
    throw new HttpError(400, "malformed request line");
  }
  const head: RequestHead = {
    method,
    target,
    http11: version === "HTTP/1.1",
    forwardLines: "",
    forwardedFor: undefined,
    host: undefined,
    connection: [],
    websocket: false,
    expectContinue: false,
    contentLength: -1,
    chunked: false,
  };
  let codings: string | undefined;
  let upgrade: string | undefined;
  const visit = (lower: string, value: string): boolean => {
    switch (lower) {
      case "host":
        if (head.host !== undefined) throw new HttpError(400, "more than one Host header");
        head.host = value;
        return false;
      case "content-length": {
        if (!/^\d{1,15}$/.test(value)) throw new HttpError(400, `bad Content-Length ${JSON.stringify(value.slice(0, 30))}`);
        const n = Number(value);
        // Even identical repeats, which RFC 9110 lets a recipient accept: llhttp refuses them.
        if (head.contentLength >= 0) throw new HttpError(400, "more than one Content-Length header");
        head.contentLength = n;
        return true;
      }
      case "transfer-encoding":
        codings = codings === undefined ? value : `${codings}, ${value}`;
        return true;
      case "connection":
        for (const t of value.split(",")) if (t.trim()) head.connection.push(t.trim().toLowerCase());
        return true;
      case "upgrade":
        upgrade = upgrade === undefined ? value : `${upgrade}, ${value}`;
        return true;
      case "expect":
        if (value.toLowerCase() !== "100-continue") throw new HttpError(417, `unsupported expectation ${JSON.stringify(value.slice(0, 30))}`);
        head.expectContinue = true;
        return true;
      case "x-forwarded-for":
        head.forwardedFor = head.forwardedFor === undefined ? value : `${head.forwardedFor}, ${value}`;
        return true;
      case "x-forwarded-proto":
        // The listener's scheme, never the client's word for it: dropped here, written by the proxy.
        return true;
      default:
        return HOP_BY_HOP.has(lower);
    }
  };
  try {
    head.forwardLines = scanHeaderLines(text, eol + 2, SPECIAL_LENGTHS, visit, MAX_REQUEST_HEADERS);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    if (err instanceof TooManyHeadersError) throw new HttpError(431, err.message);
    throw new HttpError(400, (err as Error).message);
  }
  checkMethod(method);
  if (head.host !== undefined) checkHost(head.host);
  else if (head.http11) throw new HttpError(400, "the Host header is required");
  checkTarget(method, target, head.host);
  const named = head.connection.filter((t) => t !== "keep-alive" && t !== "close" && t !== "upgrade");
  // Rare: headers the client named in Connection are hop-by-hop too.
  if (named.length) head.forwardLines = scanHeaderLines(head.forwardLines, 0, null, (lower) => named.includes(lower));
  if (codings !== undefined) {
    if (!head.http11) throw new HttpError(400, "Transfer-Encoding in an HTTP/1.0 request");
    if (head.contentLength >= 0) throw new HttpError(400, "both Content-Length and Transfer-Encoding");
    if (codings.trim().toLowerCase() !== "chunked") throw new HttpError(501, `Transfer-Encoding ${JSON.stringify(codings.slice(0, 30))} is not supported`);
    head.chunked = true;
  }
  head.websocket = method === "GET" && !head.chunked && head.contentLength <= 0 && head.connection.includes("upgrade") && upgrade?.toLowerCase() === "websocket";
  return head;
}

/** Whether the client may send another request on this connection after this one. */
export function wantsKeepAlive(head: RequestHead): boolean {
  return head.http11 ? !head.connection.includes("close") : head.connection.includes("keep-alive");
}
