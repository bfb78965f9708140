import type { IncomingMessage, ServerResponse } from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import type { InstanceInfo } from "../contracts.js";
import { HOP_BY_HOP, MalformedResponseError, ResponseParser, type ResponseHead, type ResponseSink } from "./response-parser.js";
import type { Upstream, UpstreamOwner, UpstreamPool } from "./upstream-pool.js";

export type ProxyOutcome =
  /** The instance answered; the response was streamed (maybe cut short if the instance died mid-body). */
  | { kind: "answered" }
  /** No byte of a response came back: the caller may retry a bodiless request or answer 502/504 itself. */
  | { kind: "failed"; retryable: boolean; timedOut: boolean; message: string };

/** Lengths of the request header names the proxy drops or rewrites: other names skip the lower-casing. */
const SPECIAL_LENGTHS = new Set([...HOP_BY_HOP, "expect", "content-length", "x-forwarded-for", "x-forwarded-proto"].map((n) => n.length));

/**
 * The request's header lines for the instance ("name: value\r\n" each): hop-by-hop headers and the body's framing
 * dropped, X-Forwarded-For and X-Forwarded-Proto added. Built as one string: this runs once per request.
 */
export function forwardedHeaderLines(req: IncomingMessage): string {
  const raw = req.rawHeaders;
  const c = req.headers.connection;
  const dropped = c && c !== "keep-alive" && c !== "close" ? new Set(c.split(",").map((t) => t.trim().toLowerCase())) : undefined;
  let lines = "";
  let xff: string | undefined;
  let proto = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (dropped || SPECIAL_LENGTHS.has(name.length)) {
      const lower = name.toLowerCase();
      // Expect: Node's server has already answered 100 Continue to the client.
      if (HOP_BY_HOP.has(lower) || lower === "expect" || lower === "content-length" || dropped?.has(lower)) continue;
      if (lower === "x-forwarded-for") {
        xff = xff ? `${xff}, ${raw[i + 1]}` : (raw[i + 1] as string);
        continue;
      }
      if (lower === "x-forwarded-proto") proto = true;
    }
    lines += `${name}: ${raw[i + 1]}\r\n`;
  }
  const client = req.socket.remoteAddress ?? "";
  lines += `x-forwarded-for: ${xff ? `${xff}, ${client}` : client}\r\n`;
  return proto ? lines : `${lines}x-forwarded-proto: http\r\n`;
}

/** The request head for the instance, with the body's framing redone (Node has already de-chunked the body). */
function requestHead(req: IncomingMessage, framing: string): string {
  return `${req.method} ${req.url} HTTP/1.1\r\n${forwardedHeaderLines(req)}${framing}\r\n`;
}

const ANSWERED: ProxyOutcome = { kind: "answered" };

/**
 * One request on its way to an instance and its response on the way back, without buffering bodies. An object
 * with methods rather than closures: this runs once per request and is the data plane's hot path.
 */
export class ProxiedRequest implements UpstreamOwner, ResponseSink {
  private readonly parser: ResponseParser;
  private readonly upstream: Upstream;
  private readonly deadline: NodeJS.Timeout;
  private settled = false;
  private finished = false;
  private timedOut = false;
  /** The whole request body reached the instance (only then may the connection carry another request). */
  private requestSent: boolean;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    inst: InstanceInfo,
    private readonly pool: UpstreamPool,
    private readonly timeoutMs: number,
    private readonly done: (o: ProxyOutcome) => void,
  ) {
    this.parser = new ResponseParser(req.method === "HEAD", this);
    this.upstream = pool.acquire(inst.instanceId, inst.host, inst.port, this);
    // A plain timer per request: node's timer lists make these cheap, while a shared sweep over a list or map of
    // pending requests cost about a third of the proxy's CPU per request in proxy-bench.
    this.deadline = setTimeout(() => this.timeout(), timeoutMs);
    this.deadline.unref();
    const chunked = req.headers["transfer-encoding"] !== undefined;
    const length = req.headers["content-length"];
    const bodiless = req.readableEnded || (length === undefined && !chunked);
    this.requestSent = bodiless;
    const framing = bodiless ? "" : chunked ? "transfer-encoding: chunked\r\n" : `content-length: ${length}\r\n`;
    this.upstream.socket.write(requestHead(req, framing), "latin1");
    if (!bodiless) this.sendBody(chunked);
  }

  // --- the request body, framed again when it came chunked
  private sendBody(chunked: boolean): void {
    const socket = this.upstream.socket;
    this.req.on("data", (chunk: Buffer) => {
      if (socket.destroyed) return;
      let ok: boolean;
      if (chunked) {
        socket.cork();
        socket.write(`${chunk.length.toString(16)}\r\n`, "latin1");
        socket.write(chunk);
        ok = socket.write("\r\n", "latin1");
        socket.uncork();
      } else ok = socket.write(chunk);
      if (!ok) this.req.pause();
    });
    this.req.on("end", () => {
      if (chunked && !socket.destroyed) socket.write("0\r\n\r\n", "latin1");
      this.requestSent = true;
    });
  }

  onDrain(): void {
    if (!this.requestSent) this.req.resume();
  }

  // --- the instance's side
  onData(buf: Buffer): void {
    try {
      this.parser.push(buf);
    } catch (err) {
      this.upstream.discard();
      this.fail(false, `malformed response from the instance: ${(err as Error).message}`);
    }
  }

  onClose(err: NodeJS.ErrnoException | undefined): void {
    if (this.finished) return;
    // A close-delimited body ends here; otherwise the response was cut short or never came.
    if (this.parser.close()) return;
    // Nothing came back: usually a refused connection or a pooled one the instance had just closed.
    this.fail(!this.timedOut && !this.parser.started, err?.message ?? "the instance closed the connection");
  }

  head(h: ResponseHead): void {
    try {
      if (h.statusText === undefined) this.res.writeHead(h.status, h.headers);
      else this.res.writeHead(h.status, h.statusText, h.headers);
    } catch (err) {
      // Header names or values Node refuses to send (control characters): the client gets a 502 instead.
      for (const name of this.res.getHeaderNames()) this.res.removeHeader(name);
      throw new MalformedResponseError((err as Error).message);
    }
    if (!this.settled) {
      this.settled = true;
      this.done(ANSWERED);
    }
  }

  body(chunk: Buffer | null, last: boolean): void {
    if (!last) {
      if (chunk && !this.res.write(chunk)) {
        const socket = this.upstream.socket;
        socket.pause();
        this.res.once("drain", () => socket.resume());
      }
      return;
    }
    this.finished = true;
    clearTimeout(this.deadline);
    if (chunk) this.res.end(chunk);
    else this.res.end();
    if (this.parser.reusable && this.requestSent) this.pool.release(this.upstream);
    else this.upstream.discard();
  }

  // --- endings
  private timeout(): void {
    this.timedOut = true;
    this.upstream.discard();
    this.fail(false, `no complete response within ${Math.round(this.timeoutMs / 1000)} s`);
  }

  /** The caller calls this on the response's "close" (one listener per request, shared with the caller's own). */
  clientClosed(): void {
    if (this.finished) return;
    // The client left (or this response was destroyed): the connection is mid-exchange and cannot be reused.
    this.finished = true;
    clearTimeout(this.deadline);
    this.upstream.discard();
  }

  /** Before the head: the caller decides (retry, 502, 504). After it: the response is cut short. */
  private fail(retryable: boolean, message: string): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.deadline);
    if (this.res.headersSent) this.res.destroy();
    if (this.settled) return;
    this.settled = true;
    this.done({ kind: "failed", retryable, timedOut: this.timedOut, message });
  }
}

/**
 * Streams one request to an instance and its response back. Calls `done` exactly once, as soon as the outcome
 * is known; never throws (a dying instance only ends this response). The caller must call the returned
 * exchange's clientClosed() when the response closes. A callback rather than a promise: this
 * runs once per request, and the promise and its await showed in profiles.
 */
export function proxyRequest(req: IncomingMessage, res: ServerResponse, inst: InstanceInfo, pool: UpstreamPool, timeoutMs: number, done: (o: ProxyOutcome) => void): ProxiedRequest {
  return new ProxiedRequest(req, res, inst, pool, timeoutMs, done);
}

/** WebSocket (and any Upgrade) passthrough: replays the handshake to the instance, then splices the sockets. */
export function proxyUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, inst: InstanceInfo, onClose: () => void): void {
  const upstream = net.connect(inst.port, inst.host);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    client.destroy();
    upstream.destroy();
    onClose();
  };
  upstream.on("connect", () => {
    const head0 = `${req.method} ${req.url} HTTP/1.1\r\n${forwardedHeaderLines(req)}connection: Upgrade\r\nupgrade: ${String(req.headers.upgrade ?? "websocket")}\r\n\r\n`;
    upstream.write(head0);
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on("error", () => {
    if (client.writable && !upstream.bytesRead) client.write("HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    close();
  });
  client.on("error", close);
  upstream.on("close", close);
  client.on("close", close);
}
