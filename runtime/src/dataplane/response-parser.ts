/**
 * An incremental parser for one HTTP/1.x response read from an instance's socket: the head, then the body
 * framed by Content-Length, chunked transfer coding or the connection closing. The data plane forwards the
 * head and the (de-chunked) body to the client through Node's ServerResponse, which re-frames it.
 *
 * Hand-written rather than Node's http client: per request, the client's ClientRequest, IncomingMessage and
 * agent bookkeeping cost about as much CPU as the rest of the proxy together (see runtime/bench/proxy-bench.ts).
 */

/** Headers a proxy must not forward (RFC 9110 section 7.6.1), plus the framing the client side redoes. */
export const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

/** Larger heads are refused, as Node's own parser does at its default 16 KiB (we allow more). */
export const MAX_HEAD_BYTES = 64 * 1024;
const MAX_CHUNK_LINE = 4096;

export class MalformedResponseError extends Error {}

/** Lengths of the header names the parser acts on (hop-by-hop ones and Content-Length). */
const SPECIAL_LENGTHS = new Set([...HOP_BY_HOP, "content-length"].map((n) => n.length));

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Removes headers named by Connection, and the Content-Length at `lengthAt` (>= 0) that Transfer-Encoding overrides. */
function dropNamed(headers: string[], named: string[], lengthAt: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    if (i === lengthAt || named.includes((headers[i] as string).toLowerCase())) continue;
    out.push(headers[i] as string, headers[i + 1] as string);
  }
  return out;
}

export interface ResponseHead {
  status: number;
  /** The reason phrase, or undefined when the instance sent none. */
  statusText: string | undefined;
  /** [name, value, ...] without hop-by-hop headers, nor Content-Length when the body is chunked. */
  headers: string[];
}

export interface ResponseSink {
  head(head: ResponseHead): void;
  /** Body bytes in order; `last` marks the end of the response (chunk may then be null). */
  body(chunk: Buffer | null, last: boolean): void;
}

const enum Stage {
  Head,
  Length,
  ChunkSize,
  ChunkData,
  ChunkDataEnd,
  Trailers,
  UntilClose,
  Done,
}

const EMPTY = Buffer.alloc(0);
const CRLFCRLF = Buffer.from("\r\n\r\n", "latin1");

export class ResponseParser {
  private stage = Stage.Head;
  private pending: Buffer = EMPTY;
  private remaining = 0;
  private line = "";
  private keepAlive = true;
  /** Bytes that arrived after the response ended: the connection is then out of step and not reused. */
  private extra = false;
  /** Whether any byte of a response arrived (an instance that closes before that may be retried elsewhere). */
  started = false;

  constructor(
    private readonly headRequest: boolean,
    private readonly sink: ResponseSink,
  ) {}

  get done(): boolean {
    return this.stage === Stage.Done;
  }

  /** The response ended cleanly and the connection may carry another request. */
  get reusable(): boolean {
    return this.stage === Stage.Done && this.keepAlive && !this.extra;
  }

  /** Feeds bytes from the socket. Throws MalformedResponseError before the head is complete or on bad chunk framing. */
  push(buf: Buffer): void {
    this.started = true;
    let off = 0;
    while (off < buf.length) {
      switch (this.stage) {
        case Stage.Head:
          // Consumes everything: what follows the head is pushed again from there.
          this.readHead(off ? buf.subarray(off) : buf);
          return;
        case Stage.Length: {
          const n = Math.min(this.remaining, buf.length - off);
          this.remaining -= n;
          if (this.remaining === 0) {
            this.stage = Stage.Done;
            // Flagged before the sink sees the end, as it decides then whether to reuse the connection.
            if (off + n < buf.length) this.extra = true;
          }
          this.sink.body(off === 0 && n === buf.length ? buf : buf.subarray(off, off + n), this.remaining === 0);
          off += n;
          break;
        }
        case Stage.UntilClose:
          this.sink.body(off === 0 ? buf : buf.subarray(off), false);
          return;
        case Stage.ChunkSize:
        case Stage.Trailers:
          off = this.readLine(buf, off);
          break;
        case Stage.ChunkData: {
          const n = Math.min(this.remaining, buf.length - off);
          this.remaining -= n;
          if (this.remaining === 0) {
            this.stage = Stage.ChunkDataEnd;
            this.remaining = 2;
          }
          this.sink.body(buf.subarray(off, off + n), false);
          off += n;
          break;
        }
        case Stage.ChunkDataEnd: {
          // The CRLF after a chunk's data, possibly split across reads.
          const expected = this.remaining === 2 ? 13 : 10;
          if (buf[off] !== expected) throw new MalformedResponseError("bad chunked encoding: no CRLF after a chunk");
          off++;
          if (--this.remaining === 0) this.stage = Stage.ChunkSize;
          break;
        }
        case Stage.Done:
          this.extra = true;
          return;
      }
    }
  }

  /** The instance closed the connection: ends a close-delimited body; false if the response was cut short. */
  close(): boolean {
    if (this.stage === Stage.UntilClose) {
      this.stage = Stage.Done;
      this.keepAlive = false;
      this.sink.body(null, true);
      return true;
    }
    return this.stage === Stage.Done;
  }

  private readHead(buf: Buffer): void {
    const from = this.pending.length;
    const data = from ? Buffer.concat([this.pending, buf]) : buf;
    const end = data.indexOf(CRLFCRLF, Math.max(0, from - 3));
    if (end < 0 || end > MAX_HEAD_BYTES) {
      if (data.length > MAX_HEAD_BYTES) throw new MalformedResponseError(`response head larger than ${MAX_HEAD_BYTES} bytes`);
      this.pending = data;
      return;
    }
    this.pending = EMPTY;
    const head = this.parseHead(data.toString("latin1", 0, end));
    const rest = data.subarray(end + 4);
    if (!head) {
      // An interim 1xx response: skipped; the final one follows.
      if (rest.length) this.push(rest);
      return;
    }
    this.sink.head(head);
    if (this.stage === Stage.Done) {
      if (rest.length) this.extra = true;
      this.sink.body(null, true);
    } else if (rest.length) this.push(rest);
  }

  /**
   * Returns the head to forward, or undefined for an interim (1xx) response, which is skipped. One scan over the
   * head's text, with no split or regular expression, and names lower-cased only when their length could make
   * them one this parser cares about: this runs once per proxied request.
   */
  private parseHead(text: string): ResponseHead | undefined {
    let eol = text.indexOf("\r\n");
    if (eol < 0) eol = text.length;
    const v = text.charCodeAt(7);
    if (!text.startsWith("HTTP/1.") || (v !== 48 && v !== 49) || text.charCodeAt(8) !== 32 || !isDigit(text, 9) || !isDigit(text, 10) || !isDigit(text, 11) || (eol > 12 && text.charCodeAt(12) !== 32)) {
      throw new MalformedResponseError(`bad status line ${JSON.stringify(text.slice(0, Math.min(eol, 80)))}`);
    }
    const status = (text.charCodeAt(9) - 48) * 100 + (text.charCodeAt(10) - 48) * 10 + (text.charCodeAt(11) - 48);
    if (status < 100) throw new MalformedResponseError(`bad status code ${status}`);
    if (status === 101) throw new MalformedResponseError("101 Switching Protocols to a request that asked for no upgrade");
    const statusText = eol > 13 ? text.slice(13, eol) : undefined;
    let connection = "";
    let length: string | undefined;
    let lengthAt = -1;
    let chunked = false;
    let codings = false;
    const headers: string[] = [];
    for (let pos = eol + 2; pos < text.length; pos = eol + 2) {
      eol = text.indexOf("\r\n", pos);
      if (eol < 0) eol = text.length;
      const colon = text.indexOf(":", pos);
      const first = text.charCodeAt(pos);
      if (colon <= pos || colon > eol || first === 32 || first === 9) throw new MalformedResponseError(`bad header line ${JSON.stringify(text.slice(pos, Math.min(eol, pos + 80)))}`);
      let vs = colon + 1;
      let ve = eol;
      while (vs < ve && (text.charCodeAt(vs) === 32 || text.charCodeAt(vs) === 9)) vs++;
      while (ve > vs && (text.charCodeAt(ve - 1) === 32 || text.charCodeAt(ve - 1) === 9)) ve--;
      const name = text.slice(pos, colon);
      const value = text.slice(vs, ve);
      if (SPECIAL_LENGTHS.has(colon - pos)) {
        const lower = name.toLowerCase();
        if (lower === "content-length") {
          if (!/^\d{1,15}$/.test(value) || (length !== undefined && length !== value)) throw new MalformedResponseError(`bad Content-Length ${JSON.stringify(value)}`);
          if (length !== undefined) continue;
          length = value;
          lengthAt = headers.length;
        } else if (lower === "transfer-encoding") {
          codings = true;
          chunked = /(?:^|,)\s*chunked\s*$/i.test(value);
        } else if (lower === "connection") connection = connection ? `${connection},${value}` : value;
        if (HOP_BY_HOP.has(lower)) continue;
      }
      headers.push(name, value);
    }
    if (status < 200) return undefined;
    let keepAlive = v === 49;
    if (connection) {
      const tokens = connection.toLowerCase().split(",").map((t) => t.trim());
      keepAlive = v === 49 ? !tokens.includes("close") : tokens.includes("keep-alive");
      const named = tokens.filter((t) => t !== "close" && t !== "keep-alive");
      // Headers the instance named in Connection are hop-by-hop too (rare: filtered afterwards).
      if (named.length) return this.framed(status, statusText, dropNamed(headers, named, codings ? lengthAt : -1), keepAlive, chunked, codings, length);
    }
    if (codings && lengthAt >= 0) headers.splice(lengthAt, 2);
    return this.framed(status, statusText, headers, keepAlive, chunked, codings, length);
  }

  private framed(status: number, statusText: string | undefined, headers: string[], keepAlive: boolean, chunked: boolean, codings: boolean, length: string | undefined): ResponseHead {
    this.keepAlive = keepAlive;
    if (this.headRequest || status === 204 || status === 304) this.stage = Stage.Done;
    else if (chunked) this.stage = Stage.ChunkSize;
    else if (codings || length === undefined) {
      this.stage = Stage.UntilClose;
      this.keepAlive = false;
    } else {
      this.remaining = Number(length);
      this.stage = this.remaining ? Stage.Length : Stage.Done;
    }
    return { status, statusText, headers };
  }

  /** A chunk-size line or a trailer line, possibly split across reads. Returns the offset after what it used. */
  private readLine(buf: Buffer, off: number): number {
    const nl = buf.indexOf(10, off);
    if (!this.line && nl > off && buf[nl - 1] === 13) {
      // The whole line is in this read (the usual case): no string is made.
      if (this.stage === Stage.Trailers) return nl === off + 1 ? this.trailersEnd(buf, nl) : nl + 1;
      let size = 0;
      let i = off;
      for (let h = hexValue(buf[i]); h >= 0 && i - off < 12; h = hexValue(buf[++i])) size = size * 16 + h;
      if (i > off && (i === nl - 1 || buf[i] === 59)) return this.chunkSize(size, nl + 1);
      // Anything else takes the careful path below, which also words the error.
    }
    const piece = buf.toString("latin1", off, nl < 0 ? buf.length : nl + 1);
    this.line += piece;
    if (this.line.length > MAX_CHUNK_LINE) throw new MalformedResponseError("bad chunked encoding: line too long");
    if (nl < 0) return buf.length;
    const line = this.line.endsWith("\r\n") ? this.line.slice(0, -2) : undefined;
    this.line = "";
    if (line === undefined) throw new MalformedResponseError("bad chunked encoding: bare LF");
    if (this.stage === Stage.Trailers) return line === "" ? this.trailersEnd(buf, nl) : nl + 1;
    const semi = line.indexOf(";");
    const hex = (semi < 0 ? line : line.slice(0, semi)).trim();
    if (!/^[0-9a-fA-F]{1,12}$/.test(hex)) throw new MalformedResponseError(`bad chunk size ${JSON.stringify(hex.slice(0, 20))}`);
    return this.chunkSize(parseInt(hex, 16), nl + 1);
  }

  private trailersEnd(buf: Buffer, nl: number): number {
    this.stage = Stage.Done;
    if (nl + 1 < buf.length) this.extra = true;
    this.sink.body(null, true);
    return buf.length;
  }

  private chunkSize(size: number, next: number): number {
    if (size === 0) this.stage = Stage.Trailers;
    else {
      this.stage = Stage.ChunkData;
      this.remaining = size;
    }
    return next;
  }
}
