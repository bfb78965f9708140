import { HttpError } from "./http-error.js";

/**
 * Methods an app behind App Runner can be sent: the HTTP ones plus WebDAV's. Anything else is refused here,
 * before an instance sees it: CONNECT (a tunnel the app would only close on, which once stalled a whole service),
 * TRACE (echoes credentials back to scripts), and methods no parser behind would know.
 */
const FORWARDED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK"]);
const REFUSED_METHODS = new Set(["CONNECT", "TRACE"]);

/** RFC 9110 section 9.2.2: a request the data plane may send again to another instance when the first never got it. */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PROPFIND", "MKCOL", "COPY", "MOVE", "UNLOCK"]);

export function checkMethod(method: string): void {
  if (REFUSED_METHODS.has(method)) throw new HttpError(405, `${method} is not forwarded to App Runner services`);
  if (!FORWARDED_METHODS.has(method)) throw new HttpError(501, `method ${JSON.stringify(method.slice(0, 20))} is not supported`);
}

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method);
}

export const forwardedMethods: ReadonlySet<string> = FORWARDED_METHODS;

/** RFC 3986 host (an IP literal, or a reg-name of unreserved, pct-encoded and sub-delim characters) and an optional port. */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::[0-9]{0,5})?$/;

/** RFC 9112 section 3.2: a Host that is not a valid host[:port] gets 400 (`H:@evil.example/`, `H:80, evil.example`). */
export function checkHost(host: string): void {
  if (!HOST.test(host)) throw new HttpError(400, `invalid Host header ${JSON.stringify(host.slice(0, 60))}`);
}

/**
 * The request target's form (RFC 9112 section 3.2): origin form, absolute form whose authority is the Host
 * (the data plane routes by Host, the app may read the target's authority: they must not disagree), or `*`
 * for OPTIONS. Authority form belongs to CONNECT, which is refused.
 */
export function checkTarget(method: string, target: string, host: string | undefined): void {
  if (target.charCodeAt(0) === 47 /* / */) return;
  if (target === "*") {
    if (method !== "OPTIONS") throw new HttpError(400, "the asterisk target is only for OPTIONS");
    return;
  }
  const m = /^https?:\/\/([^/?#]*)/i.exec(target);
  if (!m) throw new HttpError(400, "malformed request target");
  const authority = m[1] as string;
  if (authority.includes("@")) throw new HttpError(400, "user information in the request target");
  if (host === undefined || authority.toLowerCase() !== host.toLowerCase()) throw new HttpError(400, "the request target's authority differs from the Host header");
}
