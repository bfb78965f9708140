import { FramingError } from "./chunked-decoder.js";

/** Headers a proxy must not forward (RFC 9110 section 7.6.1), plus the framing each side redoes. */
export const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

/** RFC 9110 token characters (methods and header names). */
const TOKEN = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") TOKEN[c.charCodeAt(0)] = 1;

export function isToken(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (TOKEN[text.charCodeAt(i)] !== 1) return false;
  return true;
}

/**
 * Whether a head holds a control character (other than tab) or a CR or LF that is not part of a CRLF: a bare
 * LF inside a value would split the header for whoever reads it next (request smuggling, response splitting).
 */
export function hasBadHeadChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32) {
      if (c === 127) return true;
      continue;
    }
    if (c === 9) continue;
    if (c !== 13 || text.charCodeAt(i + 1) !== 10) return true;
    i++;
  }
  return false;
}

/** More header lines than the caller allows (a request gets 431). */
export class TooManyHeadersError extends FramingError {}

/** Decides for a header whose name the scan looked at: return true to leave the line out of the forwarded text. */
export type HeaderVisitor = (lower: string, value: string) => boolean;

/**
 * Walks the header lines of a head's text from `pos` (just after the start line's CRLF), checking each, and
 * returns the lines to forward, CRLF-terminated, as slices of the original text (no per-header strings for the
 * headers passed through untouched), refusing more than `maxLines` lines. `visit` sees the lower-cased name and trimmed value of every header whose
 * name length is in `lengths` (null: every header), which keeps lower-casing off the common headers.
 */
export function scanHeaderLines(text: string, pos: number, lengths: ReadonlySet<number> | null, visit: HeaderVisitor, maxLines = Infinity): string {
  let out = "";
  let run = pos;
  let eol: number;
  let lines = 0;
  for (; pos < text.length; pos = eol + 2) {
    if (++lines > maxLines) throw new TooManyHeadersError(`more than ${maxLines} header lines`);
    eol = text.indexOf("\r\n", pos);
    if (eol < 0) eol = text.length;
    const colon = text.indexOf(":", pos);
    // No colon, whitespace before it (a classic smuggling trick) or a folded line: refused.
    if (colon < 0 || colon > eol || !isToken(text, pos, colon)) throw new FramingError(`bad header line ${JSON.stringify(text.slice(pos, Math.min(eol, pos + 60)))}`);
    if (lengths && !lengths.has(colon - pos)) continue;
    let vs = colon + 1;
    let ve = eol;
    while (vs < ve && (text.charCodeAt(vs) === 32 || text.charCodeAt(vs) === 9)) vs++;
    while (ve > vs && (text.charCodeAt(ve - 1) === 32 || text.charCodeAt(ve - 1) === 9)) ve--;
    if (!visit(text.slice(pos, colon).toLowerCase(), text.slice(vs, ve))) continue;
    if (pos > run) out += text.slice(run, pos);
    run = Math.min(eol + 2, text.length);
  }
  if (run < text.length) out += text.slice(run);
  // The head's text stops before the blank line: the last header has no CRLF of its own yet.
  return out && !out.endsWith("\r\n") ? `${out}\r\n` : out;
}
