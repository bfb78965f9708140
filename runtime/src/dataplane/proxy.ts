import type { InstanceInfo } from "../contracts.js";
import type { ClientExchange } from "./client-exchange.js";
import type { RequestHead } from "./request-head.js";
import { ResponseParser, type ResponseHead, type ResponseSink } from "./response-parser.js";
import { Tunnel } from "./tunnel.js";
import type { Upstream, UpstreamOwner, UpstreamPool } from "./upstream-pool.js";

export type ProxyOutcome =
  /** The instance answered; the response was streamed (maybe cut short if the instance died mid-body). */
  | { kind: "answered" }
  /**
   * No byte of a response came back: the caller answers 502/504 itself, or, when the connection to the instance
   * never opened (`notSent`: the instance cannot have seen the request), may send it to another instance.
   */
  | { kind: "failed"; notSent: boolean; timedOut: boolean; message: string };

/** The request's header lines for the instance, with X-Forwarded-For appended to and X-Forwarded-Proto set (the client's was dropped). */
export function forwardedHeaderLines(head: RequestHead, remoteAddress: string): string {
  const xff = head.forwardedFor ? `${head.forwardedFor}, ${remoteAddress}` : remoteAddress;
  return `${head.forwardLines}x-forwarded-for: ${xff}\r\nx-forwarded-proto: http\r\n`;
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
    private readonly x: ClientExchange,
    inst: InstanceInfo,
    private readonly pool: UpstreamPool,
    private readonly timeoutMs: number,
    private readonly done: (o: ProxyOutcome) => void,
    private readonly onTunnelEnd: () => void,
  ) {
    const { head } = x;
    this.parser = new ResponseParser(head.method === "HEAD", this, head.websocket);
    this.upstream = pool.acquire(inst.instanceId, inst.host, inst.port, this);
    // A plain timer per request: node's timer lists make these cheap, while a shared sweep over a list or map of
    // pending requests cost about a third of the proxy's CPU per request in proxy-bench.
    this.deadline = setTimeout(() => this.timeout(), timeoutMs);
    this.deadline.unref();
    const hasBody = x.hasBody;
    this.requestSent = !hasBody;
    // The body's framing is redone: the client's may have been chunked, and only what was read is forwarded.
    const framing = head.websocket ? "connection: Upgrade\r\nupgrade: websocket\r\n" : !hasBody ? "" : head.chunked ? "transfer-encoding: chunked\r\n" : `content-length: ${head.contentLength}\r\n`;
    this.upstream.socket.write(`${head.method} ${head.target} HTTP/1.1\r\n${forwardedHeaderLines(head, x.remoteAddress)}${framing}\r\n`, "latin1");
    if (hasBody) this.sendBody(head.chunked);
  }

  // --- the request body, framed again when it came chunked
  private sendBody(chunked: boolean): void {
    const socket = this.upstream.socket;
    this.x.readBody(
      (chunk) => {
        if (socket.destroyed) return;
        let ok: boolean;
        if (chunked) {
          socket.cork();
          socket.write(`${chunk.length.toString(16)}\r\n`, "latin1");
          socket.write(chunk);
          ok = socket.write("\r\n", "latin1");
          socket.uncork();
        } else ok = socket.write(chunk);
        if (!ok) this.x.pauseBody();
      },
      () => {
        if (chunked && !socket.destroyed) socket.write("0\r\n\r\n", "latin1");
        this.requestSent = true;
      },
    );
  }

  onDrain(): void {
    if (!this.requestSent) this.x.resumeBody();
  }

  // --- the instance's side
  onData(buf: Buffer): void {
    // Everything one read produces goes to the client in one write.
    this.x.cork();
    try {
      this.parser.push(buf);
    } catch (err) {
      this.upstream.discard();
      this.fail(false, `malformed response from the instance: ${(err as Error).message}`);
    } finally {
      this.x.uncork();
    }
  }

  onClose(err: NodeJS.ErrnoException | undefined): void {
    if (this.finished) return;
    // A close-delimited body ends here; otherwise the response was cut short or never came.
    if (this.parser.close()) return;
    // Nothing came back. Only a connection that never opened proves the instance did not get the request. Once
    // written, the instance may have acted on it (a request that crashes instances must not crash them all), or
    // hung up on purpose (an app that closes on a request it dislikes is no sign that the instance is gone).
    // Pooled connections retire before a typical server's idle close (upstream-pool.ts), so that a request is
    // rarely written to one the instance is closing.
    this.fail(!this.upstream.connected, err?.message ?? "the instance closed the connection");
  }

  head(h: ResponseHead): void {
    this.x.writeHead(h.status, h.statusText, h.headerLines, h.length);
    if (!this.settled) {
      this.settled = true;
      this.done(ANSWERED);
    }
  }

  /** The instance accepted a WebSocket handshake: from here the connection is a tunnel, outside the timeout and the pool. */
  switched(h: ResponseHead, rest: Buffer): void {
    this.finished = true;
    this.settled = true;
    clearTimeout(this.deadline);
    // Copied: `rest` lies in the pool's shared read buffer, and the client's side is set up first.
    const early = Buffer.from(rest);
    const { socket, held } = this.x.switchProtocols(h.headerLines);
    this.done(ANSWERED);
    new Tunnel(socket, this.upstream, this.onTunnelEnd).start(held, early);
  }

  body(chunk: Buffer | null, last: boolean): void {
    if (!last) {
      if (chunk && !this.x.write(chunk)) {
        const socket = this.upstream.socket;
        socket.pause();
        this.x.onDrain = () => {
          this.x.onDrain = undefined;
          socket.resume();
        };
      }
      return;
    }
    this.finished = true;
    clearTimeout(this.deadline);
    // Released before the client's response ends: ending it may start a queued request, which can reuse it. Not
    // after a refused WebSocket handshake: the app's server may have stopped parsing HTTP on that connection.
    if (this.parser.reusable && this.requestSent && !this.x.head.websocket) this.pool.release(this.upstream);
    else {
      if (this.parser.extraBytes) this.pool.taint(this.upstream.key);
      this.upstream.discard();
    }
    if (chunk) this.x.end(chunk);
    else this.x.end();
  }

  // --- endings
  private timeout(): void {
    this.timedOut = true;
    this.upstream.discard();
    this.fail(false, `no complete response within ${Math.round(this.timeoutMs / 1000)} s`);
  }

  /** The caller calls this when the client's exchange closes (one listener per request, shared with the caller's own). */
  clientClosed(): void {
    if (this.finished) return;
    // The client left (or this response was cut short): the connection is mid-exchange and cannot be reused.
    this.finished = true;
    clearTimeout(this.deadline);
    this.upstream.discard();
  }

  /** Before the head: the caller decides (retry, 502, 504). After it: the response is cut short. */
  private fail(notSent: boolean, message: string): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.deadline);
    if (this.x.headersSent) this.x.destroy();
    if (this.settled) return;
    this.settled = true;
    this.done({ kind: "failed", notSent, timedOut: this.timedOut, message });
  }
}

/**
 * Streams one request to an instance and its response back. Calls `done` exactly once, as soon as the outcome
 * is known; never throws (a dying instance only ends this response). The caller must call the returned
 * request's clientClosed() when the client's exchange closes.
 */
export function proxyRequest(x: ClientExchange, inst: InstanceInfo, pool: UpstreamPool, timeoutMs: number, done: (o: ProxyOutcome) => void, onTunnelEnd: () => void = () => undefined): ProxiedRequest {
  return new ProxiedRequest(x, inst, pool, timeoutMs, done, onTunnelEnd);
}
