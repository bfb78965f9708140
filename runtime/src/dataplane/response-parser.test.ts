import { describe, expect, it } from "vitest";
import { FramingError } from "./chunked-decoder.js";
import { MAX_HEAD_BYTES, ResponseParser, type ResponseHead } from "./response-parser.js";

interface Parsed {
  head: ResponseHead | undefined;
  body: string;
  ended: boolean;
  reusable: boolean;
  /** body() calls after the end: must never happen. */
  afterEnd: number;
}

/** Feeds `raw` in pieces of the given sizes (the rest in one piece), then optionally closes the connection. */
function parse(raw: string, opts: { sizes?: number[]; head?: boolean; close?: boolean } = {}): Parsed {
  const out: Parsed = { head: undefined, body: "", ended: false, reusable: false, afterEnd: 0 };
  const parser = new ResponseParser(opts.head ?? false, {
    head: (h) => (out.head = h),
    body: (chunk, last) => {
      if (out.ended) out.afterEnd++;
      if (chunk) out.body += chunk.toString("latin1");
      if (last) out.ended = true;
    },
  });
  const buf = Buffer.from(raw, "latin1");
  let off = 0;
  for (const n of opts.sizes ?? []) {
    if (off >= buf.length) break;
    parser.push(buf.subarray(off, off + n));
    off += n;
  }
  if (off < buf.length) parser.push(buf.subarray(off));
  if (opts.close) parser.close();
  out.reusable = parser.reusable;
  return out;
}

const CHUNKED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n";

describe("ResponseParser", () => {
  it("reads a Content-Length body and keeps the connection reusable", () => {
    const r = parse("HTTP/1.1 201 Created\r\nContent-Length: 5\r\nX-Id: 7\r\n\r\nhello");
    expect(r.head).toEqual({ status: 201, statusText: "Created", headerLines: "Content-Length: 5\r\nX-Id: 7\r\n", length: 5 });
    expect(r).toMatchObject({ body: "hello", ended: true, reusable: true, afterEnd: 0 });
  });

  it("de-chunks a chunked body with extensions and trailers, and drops the framing headers", () => {
    const r = parse(CHUNKED);
    expect(r.head?.headerLines).toBe("Content-Type: text/plain\r\n");
    expect(r).toMatchObject({ body: "hello, world", ended: true, reusable: true });
  });

  it("gives the same result however the bytes are split", () => {
    for (const raw of [CHUNKED, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 3\r\n\r\nabc"]) {
      const whole = parse(raw);
      for (let cut = 1; cut < raw.length; cut++) expect(parse(raw, { sizes: [cut] }), `cut at ${cut}`).toEqual(whole);
      expect(parse(raw, { sizes: Array.from({ length: raw.length }, () => 1) })).toEqual(whole);
    }
  });

  it("skips interim 1xx responses, including 103 Early Hints with headers", () => {
    const r = parse("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 204 No Content\r\nDate: x\r\n\r\n");
    expect(r.head).toEqual({ status: 204, statusText: "No Content", headerLines: "Date: x\r\n", length: -1 });
    expect(r).toMatchObject({ body: "", ended: true, reusable: true });
  });

  it("reads no body for HEAD, 204 and 304, whatever Content-Length says", () => {
    expect(parse("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", { head: true })).toMatchObject({ ended: true, reusable: true, body: "" });
    expect(parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n")).toMatchObject({ ended: true, reusable: true });
    expect(parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")).toMatchObject({ ended: true, reusable: true });
  });

  it("reads a body without length until the connection closes, and never reuses that connection", () => {
    const open = parse("HTTP/1.1 200 OK\r\n\r\npart one, ");
    expect(open).toMatchObject({ body: "part one, ", ended: false });
    const closed = parse("HTTP/1.0 200 OK\r\n\r\nall of it", { close: true });
    expect(closed).toMatchObject({ body: "all of it", ended: true, reusable: false });
  });

  it("follows Connection: close, HTTP/1.0 keep-alive rules and drops headers named in Connection", () => {
    expect(parse("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx").reusable).toBe(false);
    expect(parse("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx").reusable).toBe(false);
    const kept = parse("HTTP/1.0 200 OK\r\nConnection: Keep-Alive, X-Private\r\nKeep-Alive: timeout=5\r\nX-Private: 1\r\nContent-Length: 1\r\n\r\nx");
    expect(kept.reusable).toBe(true);
    expect(kept.head?.headerLines).toBe("Content-Length: 1\r\n");
  });

  it("lets Transfer-Encoding win over Content-Length, and reads other codings until close", () => {
    const r = parse("HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n");
    expect(r.head?.headerLines).toBe("");
    expect(r).toMatchObject({ body: "z", ended: true });
    expect(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nraw", { close: true })).toMatchObject({ body: "raw", ended: true, reusable: false });
  });

  it("keeps a missing reason phrase missing, so the standard one is sent", () => {
    expect(parse("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n").head).toEqual({ status: 404, statusText: undefined, headerLines: "Content-Length: 0\r\n", length: 0 });
  });

  it("does not reuse a connection that sent bytes after the response", () => {
    expect(parse("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxHTTP/1.1 200 OK\r\n").reusable).toBe(false);
    expect(parse(`${CHUNKED}junk`).reusable).toBe(false);
  });

  it("refuses malformed responses with a reason", () => {
    const bad: [string, RegExp][] = [
      ["HTTP/2 200 OK\r\n\r\n", /bad status line/],
      ["HTTP/1.1 2000 OK\r\n\r\n", /bad status line/],
      ["HTTP/1.1 200 OK\r\nno-colon\r\n\r\n", /bad header line/],
      ["HTTP/1.1 200 OK\r\nA: 1\r\n folded\r\n\r\n", /bad header line/],
      ["HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", /bad Content-Length/],
      ["HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", /bad Content-Length/],
      ["HTTP/1.1 101 Switching Protocols\r\n\r\n", /101/],
      // A bare LF inside a value would split the header for the client (response splitting).
      ["HTTP/1.1 200 OK\r\nX-A: 1\nSet-Cookie: evil\r\n\r\n", /control characters/],
      ["HTTP/1.1 200 OK\r\nX-A: \u0000\r\n\r\n", /control characters/],
      ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 x\r\nhello\r\n", /bad chunk size/],
      ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", /bad chunk size/],
      ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\nx", /bare LF/],
      ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nxy", /no CRLF after a chunk/],
    ];
    for (const [raw, reason] of bad) expect(() => parse(raw), raw).toThrow(reason);
  });

  it("refuses a head larger than the limit instead of buffering it", () => {
    const parser = new ResponseParser(false, { head: () => undefined, body: () => undefined });
    parser.push(Buffer.from("HTTP/1.1 200 OK\r\n"));
    const line = Buffer.from(`X-Big: ${"a".repeat(1000)}\r\n`);
    expect(() => {
      for (let n = 0; n * line.length <= MAX_HEAD_BYTES; n++) parser.push(line);
    }).toThrow(FramingError);
  });

  it("reports whether any byte arrived and whether a response was cut short", () => {
    const parser = new ResponseParser(false, { head: () => undefined, body: () => undefined });
    expect(parser.started).toBe(false);
    parser.push(Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
    expect(parser.started).toBe(true);
    expect(parser.close()).toBe(false);
    expect(parser.reusable).toBe(false);
  });
});
