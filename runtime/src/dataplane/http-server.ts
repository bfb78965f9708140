import { STATUS_CODES } from "node:http";
import net, { type AddressInfo } from "node:net";
import { ClientExchange, type ExchangeConnection } from "./client-exchange.js";
import { HttpError } from "./http-error.js";
import { MAX_REQUEST_HEAD_BYTES, parseRequestHead, type RequestHead } from "./request-head.js";

export interface ProxyHttpServerOptions {
  onRequest(x: ClientExchange): void;
  /** An idle keep-alive connection is closed after this long (Node's default is 5 s; App Runner's is longer). */
  keepAliveTimeoutMs: number;
  /** A request head must arrive whole within this long (against slow-header attacks), else 408. */
  headersTimeoutMs: number;
  /** Open client connections (tunnels included) beyond this many are answered 503 and closed. */
  maxConnections: number;
}

const CRLFCRLF = Buffer.from("\r\n\r\n", "latin1");
const EMPTY = Buffer.alloc(0);
/** Bytes held from a client that pipelines while its previous request is still answered. */
const MAX_HELD_BYTES = 1024 * 1024;

/** One client connection: parses its requests one at a time (pipelined ones wait their turn). */
class ClientConnection implements ExchangeConnection {
  closing = false;
  lastActive: number;
  /** When the head being received started (0: none in progress). */
  headStarted = 0;
  private buffered: Buffer = EMPTY;
  private current: ClientExchange | undefined;
  private paused = false;
  private readonly remoteAddress: string;
  private readonly onClose = () => this.onSocketClose();

  constructor(
    readonly socket: net.Socket,
    private readonly server: ProxyHttpServer,
  ) {
    this.remoteAddress = socket.remoteAddress ?? "";
    this.lastActive = Date.now();
    socket.on("data", (d: Buffer) => this.onData(d));
    socket.on("drain", () => this.current?.onDrain?.());
    socket.on("error", () => socket.destroy());
    socket.on("end", () => this.onEnd());
    socket.on("close", this.onClose);
  }

  pauseReading(): void {
    if (this.paused) return;
    this.paused = true;
    this.socket.pause();
  }

  resumeReading(): void {
    if (!this.paused) return;
    this.paused = false;
    this.socket.resume();
  }

  responseDone(x: ClientExchange, keepAlive: boolean): void {
    if (this.current === x) this.current = undefined;
    if (!keepAlive || this.closing) {
      this.closing = true;
      this.socket.end();
      return;
    }
    this.lastActive = Date.now();
    if (this.buffered.length) process.nextTick(() => this.parse());
    this.resumeReading();
  }

  /** Called every second: closes idle connections and refuses heads that take too long. */
  sweep(now: number): void {
    if (this.current) return; // bounded by the request's own timeouts
    if (this.headStarted && now - this.headStarted > this.server.opts.headersTimeoutMs) {
      this.refuse(408, `the request head did not arrive within ${Math.round(this.server.opts.headersTimeoutMs / 1000)} s`);
    } else if (!this.headStarted && now - this.lastActive > this.server.opts.keepAliveTimeoutMs) this.socket.destroy();
  }

  private onData(buf: Buffer): void {
    // After a refusal or a last response: whatever else the client sends is not read.
    if (this.closing && !this.current) return;
    // Reads do not count as activity: a client that only sends empty lines between requests is idle (the idle
    // clock restarts when a response ends; a head in progress is bounded by headersTimeoutMs instead).
    const x = this.current;
    if (x && !x.bodyDone) return this.feed(x, buf);
    if (x) return this.hold(buf);
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, buf]) : buf;
    this.parse();
  }

  /** Body bytes of the request in progress; what follows its body is held for the next request. */
  private feed(x: ClientExchange, buf: Buffer): void {
    let off: number;
    try {
      off = x.feedBody(buf, 0);
    } catch (err) {
      return this.refuse(400, (err as Error).message);
    }
    if (off < buf.length) this.hold(buf.subarray(off));
  }

  /** Bytes of a later request while this one is answered: kept, and reading stops until the turn comes. */
  private hold(buf: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, buf]) : buf;
    if (this.buffered.length > MAX_HELD_BYTES) return void this.socket.destroy();
    this.pauseReading();
  }

  private parse(): void {
    while (!this.current && this.buffered.length && !this.closing) {
      let start = 0;
      // Empty lines before a request are ignored (RFC 9112 section 2.2).
      while (start < this.buffered.length && (this.buffered[start] === 13 || this.buffered[start] === 10)) start++;
      if (start) this.buffered = this.buffered.subarray(start);
      if (!this.buffered.length) return;
      const end = this.buffered.indexOf(CRLFCRLF);
      if (end < 0 || end > MAX_REQUEST_HEAD_BYTES) {
        if (this.buffered.length > MAX_REQUEST_HEAD_BYTES) return this.refuse(431, `the request head is larger than ${MAX_REQUEST_HEAD_BYTES / 1024} KiB`);
        if (!this.headStarted) this.headStarted = Date.now();
        return;
      }
      this.headStarted = 0;
      let head: RequestHead;
      try {
        head = parseRequestHead(this.buffered.toString("latin1", 0, end));
      } catch (err) {
        return this.refuse(err instanceof HttpError ? err.status : 400, (err as Error).message);
      }
      const rest = this.buffered.subarray(end + 4);
      this.buffered = EMPTY;
      const x = new ClientExchange(head, this.remoteAddress, this);
      this.current = x;
      if (head.expectContinue && x.hasBody && head.http11) this.socket.write("HTTP/1.1 100 Continue\r\n\r\n", "latin1");
      if (rest.length) this.feed(x, rest);
      // A body that broke its framing at once was refused: the request goes no further.
      if (this.closing) return;
      this.server.opts.onRequest(x);
    }
  }

  /** The connection's own answer to a request it cannot parse; the connection closes after it. */
  private refuse(status: number, message: string): void {
    this.closing = true;
    this.buffered = EMPTY;
    const x = this.current;
    if (x?.headersSent) return void this.socket.destroy();
    if (x) x.statusCode = status;
    const body = `${status} ${STATUS_CODES[status] ?? "Error"}: ${message}.\n`;
    this.socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  }

  /**
   * The instance switched protocols (101): the socket leaves HTTP for a tunnel. Returns the bytes the client sent
   * after the handshake (held as a next request until now); the caller reads the socket from here on and resumes it.
   */
  takeOver(): Buffer {
    this.server.connections.delete(this);
    for (const event of ["data", "drain", "error", "end"]) this.socket.removeAllListeners(event);
    // Only this connection's own close listener: the server's count of open sockets keeps following the tunnel.
    this.socket.off("close", this.onClose);
    this.current = undefined;
    this.closing = true;
    const held = this.buffered;
    this.buffered = EMPTY;
    return held;
  }

  /** The client closed its side: like Node's http server, a request still in progress counts as abandoned. */
  private onEnd(): void {
    this.closing = true;
    if (this.current) this.socket.destroy();
    else this.socket.end();
  }

  private onSocketClose(): void {
    this.server.connections.delete(this);
    const x = this.current;
    this.current = undefined;
    x?.notifyClose();
  }
}

/**
 * The data plane's HTTP/1.1 server, on raw sockets: Node's http server spends about as much CPU per request
 * as all the proxying around it (runtime/bench/proxy-bench.ts). Requests are parsed strictly (request-head.ts)
 * and forwarded with framing the data plane writes itself.
 */
export class ProxyHttpServer {
  readonly connections = new Set<ClientConnection>();
  /** Open client sockets, tunnels included. */
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(readonly opts: ProxyHttpServerOptions) {
    // allowHalfOpen, so that the client's FIN reaches onEnd rather than closing our side behind its back.
    this.server = net.createServer({ allowHalfOpen: true, noDelay: true }, (socket) => this.accept(socket));
  }

  private accept(socket: net.Socket): void {
    if (this.sockets.size >= this.opts.maxConnections) return refuseConnection(socket, this.opts.maxConnections);
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
    this.connections.add(new ClientConnection(socket, this));
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        this.sweeper = setInterval(() => {
          const now = Date.now();
          for (const c of this.connections) c.sweep(now);
        }, 1000);
        this.sweeper.unref();
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  get open(): number {
    return this.sockets.size;
  }

  close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }
}

/**
 * A connection past the cap gets a clear answer rather than a silent reset; what it sends is not read. It is
 * closed a moment after the answer, so that the client reads the answer before any reset.
 */
function refuseConnection(socket: net.Socket, max: number): void {
  socket.on("error", () => socket.destroy());
  socket.resume();
  const body = `503 Service Unavailable: the data plane has ${max} open client connections, its limit; try again later.\n`;
  socket.end(`HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nretry-after: 1\r\nconnection: close\r\n\r\n${body}`);
  setTimeout(() => socket.destroy(), 1000).unref();
}
