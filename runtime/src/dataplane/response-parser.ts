import { ChunkedDecoder, FramingError } from "./chunked-decoder.js";
import { HOP_BY_HOP, hasBadHeadChars, scanHeaderLines } from "./header-lines.js";

/**
 * An incremental parser for one HTTP/1.x response read from an instance's socket: the head, then the body
 * framed by Content-Length, chunked transfer coding or the connection closing. The data plane forwards the
 * head and the (de-chunked) body to the client, framing it again for the client's connection.
 *
 * Hand-written rather than Node's http client: per request, the client's ClientRequest, IncomingMessage and
 * agent bookkeeping cost about as much CPU as the rest of the proxy together (see runtime/bench/proxy-bench.ts).
 */

/** Larger response heads are refused (Node's own client allows 16 KiB). */
export const MAX_HEAD_BYTES = 64 * 1024;

/** Lengths of the header names the parser acts on (hop-by-hop ones and Content-Length). */
const SPECIAL_LENGTHS = new Set([...HOP_BY_HOP, "content-length"].map((n) => n.length));

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

export interface ResponseHead {
  status: number;
  /** The reason phrase, or undefined when the instance sent none. */
  statusText: string | undefined;
  /** The header lines to forward, each ending in CRLF: without hop-by-hop headers, nor Content-Length when the body is chunked. */
  headerLines: string;
  /** The body's length when the instance gave one (Content-Length), else -1. */
  length: number;
}

export interface ResponseSink {
  head(head: ResponseHead): void;
  /** The instance accepted a WebSocket handshake (101): `rest` is what followed the head, the tunnel's first bytes. */
  switched?(head: ResponseHead, rest: Buffer): void;
  /** Body bytes in order; `last` marks the end of the response (chunk may then be null). */
  body(chunk: Buffer | null, last: boolean): void;
}

const enum Stage {
  Head,
  Length,
  Chunked,
  UntilClose,
  Done,
  /** After a 101: the connection is no longer HTTP; nothing more is parsed. */
  Switched,
}

const EMPTY = Buffer.alloc(0);
const CRLFCRLF = Buffer.from("\r\n\r\n", "latin1");

export class ResponseParser {
  private stage = Stage.Head;
  private pending: Buffer = EMPTY;
  private remaining = 0;
  private chunks: ChunkedDecoder | undefined;
  /** The chunked body ended during the current push (the end is reported once the rest of the read is known). */
  private chunkedEnded = false;
  private keepAlive = true;
  /** Bytes that arrived after the response ended: the connection is then out of step and not reused. */
  private extra = false;
  /** Whether any byte of a response arrived (an instance that closes before that may be retried elsewhere). */
  started = false;

  constructor(
    private readonly headRequest: boolean,
    private readonly sink: ResponseSink,
    /** The request was a WebSocket handshake: a 101 accepting it is allowed. */
    private readonly websocket = false,
  ) {}

  get done(): boolean {
    return this.stage === Stage.Done;
  }

  /** Bytes came after the end of the response (in the same read): the instance writes out of turn. */
  get extraBytes(): boolean {
    return this.extra;
  }

  /** The response ended cleanly and the connection may carry another request. */
  get reusable(): boolean {
    return this.stage === Stage.Done && this.keepAlive && !this.extra;
  }

  /** Feeds bytes from the socket (the buffer may be reused after this returns: body chunks must be used at once). Throws FramingError before the head is complete or on bad chunk framing. */
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
        case Stage.Chunked: {
          off = (this.chunks as ChunkedDecoder).push(buf, off);
          if (this.chunkedEnded) {
            this.stage = Stage.Done;
            if (off < buf.length) this.extra = true;
            this.sink.body(null, true);
            return;
          }
          break;
        }
        case Stage.Done:
          this.extra = true;
          return;
        case Stage.Switched:
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
      if (data.length > MAX_HEAD_BYTES) throw new FramingError(`response head larger than ${MAX_HEAD_BYTES} bytes`);
      // A copy: the caller's buffer may be reused once push returns.
      this.pending = from ? data : Buffer.from(data);
      return;
    }
    this.pending = EMPTY;
    const head = this.parseHead(data.toString("latin1", 0, end));
    const rest = data.subarray(end + 4);
    if (this.stage === Stage.Switched) return this.sink.switched?.(head as ResponseHead, rest);
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
    if (hasBadHeadChars(text)) throw new FramingError("control characters in the response head");
    let eol = text.indexOf("\r\n");
    if (eol < 0) eol = text.length;
    const v = text.charCodeAt(7);
    if (!text.startsWith("HTTP/1.") || (v !== 48 && v !== 49) || text.charCodeAt(8) !== 32 || !isDigit(text, 9) || !isDigit(text, 10) || !isDigit(text, 11) || (eol > 12 && text.charCodeAt(12) !== 32)) {
      throw new FramingError(`bad status line ${JSON.stringify(text.slice(0, Math.min(eol, 80)))}`);
    }
    const status = (text.charCodeAt(9) - 48) * 100 + (text.charCodeAt(10) - 48) * 10 + (text.charCodeAt(11) - 48);
    if (status < 100) throw new FramingError(`bad status code ${status}`);
    if (status === 101 && !this.websocket) throw new FramingError("101 Switching Protocols to a request that asked for no upgrade");
    const statusText = eol > 13 ? text.slice(13, eol) : undefined;
    let connection = "";
    let length: string | undefined;
    let chunked = false;
    let codings = false;
    let upgrade: string | undefined;
    let lines = scanHeaderLines(text, eol + 2, SPECIAL_LENGTHS, (lower, value) => {
      if (lower === "content-length") {
        if (!/^\d{1,15}$/.test(value) || (length !== undefined && length !== value)) throw new FramingError(`bad Content-Length ${JSON.stringify(value)}`);
        const first = length === undefined;
        length = value;
        return !first;
      }
      if (lower === "transfer-encoding") {
        codings = true;
        chunked = /(?:^|,)\s*chunked\s*$/i.test(value);
      } else if (lower === "connection") connection = connection ? `${connection},${value}` : value;
      else if (lower === "upgrade") upgrade = value;
      return HOP_BY_HOP.has(lower);
    });
    if (status === 101) {
      if (upgrade?.toLowerCase() !== "websocket") throw new FramingError(`101 Switching Protocols to ${JSON.stringify(upgrade ?? "nothing")} for a WebSocket handshake`);
      this.stage = Stage.Switched;
      this.keepAlive = false;
      return { status, statusText, headerLines: lines, length: -1 };
    }
    if (status < 200) return undefined;
    let keepAlive = v === 49;
    const named: string[] = [];
    if (connection) {
      const tokens = connection.toLowerCase().split(",").map((t) => t.trim());
      keepAlive = v === 49 ? !tokens.includes("close") : tokens.includes("keep-alive");
      for (const t of tokens) if (t && t !== "close" && t !== "keep-alive") named.push(t);
    }
    // Rare: headers the instance named in Connection are hop-by-hop too, and Transfer-Encoding overrides Content-Length.
    if (named.length || (codings && length !== undefined)) {
      lines = scanHeaderLines(text, text.indexOf("\r\n") + 2, null, (lower) => HOP_BY_HOP.has(lower) || named.includes(lower) || (codings && lower === "content-length"));
    }
    return this.framed(status, statusText, lines, keepAlive, chunked, codings, length);
  }

  private framed(status: number, statusText: string | undefined, headerLines: string, keepAlive: boolean, chunked: boolean, codings: boolean, length: string | undefined): ResponseHead {
    this.keepAlive = keepAlive;
    if (this.headRequest || status === 204 || status === 304) this.stage = Stage.Done;
    else if (chunked) {
      this.stage = Stage.Chunked;
      this.chunks = new ChunkedDecoder((chunk, last) => {
        if (last) this.chunkedEnded = true;
        else this.sink.body(chunk, false);
      });
    }
    else if (codings || length === undefined) {
      this.stage = Stage.UntilClose;
      this.keepAlive = false;
    } else {
      this.remaining = Number(length);
      this.stage = this.remaining ? Stage.Length : Stage.Done;
    }
    return { status, statusText, headerLines, length: length === undefined || chunked || codings ? -1 : Number(length) };
  }
}
