/** Malformed HTTP/1.x framing: the data plane answers 400 (from a client) or 502 (from an instance). */
export class FramingError extends Error {}

/** `;name` or `;name=value` (a token or a quoted string), repeated. */
const CHUNK_EXTENSIONS = /^(?:;[!#$%&'*+\-.^_`|~0-9A-Za-z]+(?:=(?:[!#$%&'*+\-.^_`|~0-9A-Za-z]+|"(?:[\t !#-\[\]-~\x80-\xff]|\\[\t -~\x80-\xff])*"))?)+$/;

/** A header field line: a token, a colon, and a value without control characters other than tab. */
const TRAILER_LINE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+:[\t -~\x80-\xff]*$/;

/** Longest chunk-size or trailer line accepted. */
const MAX_LINE = 4096;

const enum Stage {
  Size,
  Data,
  DataEnd,
  Trailers,
  Done,
}

export type BodySink = (chunk: Buffer | null, last: boolean) => void;

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/**
 * Decodes a chunked body (RFC 9112 section 7.1) incrementally: data chunks go to the sink in order, trailers are
 * read and dropped. Strict, so that the data plane and the app behind it never disagree about where a body ends.
 */
export class ChunkedDecoder {
  private stage = Stage.Size;
  private remaining = 0;
  private line = "";

  constructor(private readonly sink: BodySink) {}

  get done(): boolean {
    return this.stage === Stage.Done;
  }

  /** Consumes from `off`; returns the offset after the body's last byte, or buf.length when more is needed. */
  push(buf: Buffer, off: number): number {
    while (off < buf.length && this.stage !== Stage.Done) {
      switch (this.stage) {
        case Stage.Size:
        case Stage.Trailers:
          off = this.readLine(buf, off);
          break;
        case Stage.Data: {
          const n = Math.min(this.remaining, buf.length - off);
          this.remaining -= n;
          if (this.remaining === 0) {
            this.stage = Stage.DataEnd;
            this.remaining = 2;
          }
          this.sink(buf.subarray(off, off + n), false);
          off += n;
          break;
        }
        case Stage.DataEnd: {
          // The CRLF after a chunk's data, possibly split across reads.
          if (buf[off] !== (this.remaining === 2 ? 13 : 10)) throw new FramingError("bad chunked encoding: no CRLF after a chunk");
          off++;
          if (--this.remaining === 0) this.stage = Stage.Size;
          break;
        }
      }
    }
    return off;
  }

  /** A chunk-size line or a trailer line, possibly split across reads. Returns the offset after what it used. */
  private readLine(buf: Buffer, off: number): number {
    const nl = buf.indexOf(10, off);
    if (!this.line && nl > off && buf[nl - 1] === 13) {
      // The whole line is in this read (the usual case): no string is made.
      if (this.stage === Stage.Trailers) {
        if (nl === off + 1) return this.end(nl);
      } else {
        let size = 0;
        let i = off;
        for (let h = hexValue(buf[i]); h >= 0 && i - off < 12; h = hexValue(buf[++i])) size = size * 16 + h;
        if (i > off && i === nl - 1) return this.chunkSize(size, nl + 1);
      }
      // Anything else takes the careful path below, which also words the error.
    }
    this.line += buf.toString("latin1", off, nl < 0 ? buf.length : nl + 1);
    if (this.line.length > MAX_LINE) throw new FramingError("bad chunked encoding: line too long");
    if (nl < 0) return buf.length;
    const line = this.line.endsWith("\r\n") ? this.line.slice(0, -2) : undefined;
    this.line = "";
    if (line === undefined) throw new FramingError("bad chunked encoding: bare LF");
    if (this.stage === Stage.Trailers) {
      if (line === "") return this.end(nl);
      // Dropped, but checked like a header line: a parser behind that reads an odd line as the end of the trailers
      // (or as the next request) would disagree about where the body ends.
      if (!TRAILER_LINE.test(line)) throw new FramingError(`bad trailer line ${JSON.stringify(line.slice(0, 30))}`);
      return nl + 1;
    }
    const semi = line.indexOf(";");
    // No whitespace around the size or in extensions, though RFC 9112 allows some: llhttp (Node's parser, behind
    // most apps) refuses it, and what one parser refuses another may read differently (differential.test.ts).
    const hex = semi < 0 ? line : line.slice(0, semi);
    if (!/^[0-9a-fA-F]{1,12}$/.test(hex)) throw new FramingError(`bad chunk size ${JSON.stringify(hex.slice(0, 20))}`);
    if (semi >= 0 && !CHUNK_EXTENSIONS.test(line.slice(semi))) throw new FramingError(`bad chunk extension ${JSON.stringify(line.slice(semi, semi + 20))}`);
    return this.chunkSize(parseInt(hex, 16), nl + 1);
  }

  private end(nl: number): number {
    this.stage = Stage.Done;
    this.sink(null, true);
    return nl + 1;
  }

  private chunkSize(size: number, next: number): number {
    if (size === 0) this.stage = Stage.Trailers;
    else {
      this.stage = Stage.Data;
      this.remaining = size;
    }
    return next;
  }
}
