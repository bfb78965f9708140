import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { ChunkedDecoder } from "./chunked-decoder.js";
import { wantsKeepAlive, type RequestHead } from "./request-head.js";

/** The connection an exchange belongs to (ClientConnection in http-server.ts). */
export interface ExchangeConnection {
  readonly socket: Socket;
  /** The server is shutting down or the client half-closed: no further request on this connection. */
  readonly closing: boolean;
  pauseReading(): void;
  resumeReading(): void;
  responseDone(x: ClientExchange, keepAlive: boolean): void;
  /** Hands the socket over to a tunnel; returns the bytes received after the request. */
  takeOver(): Buffer;
}

/** Body chunks up to this size join the pending text; larger ones are written as they are. */
const SMALL_CHUNK = 16 * 1024;

const enum Framing {
  None,
  Length,
  Chunked,
  UntilClose,
}

/**
 * One request from a client and the response to it, on the data plane's own HTTP/1.1 server: the parts of
 * Node's IncomingMessage and ServerResponse the proxy needs, without their per-request streams and events.
 */
export class ClientExchange {
  /** The status sent, or 0 while none has been (a client that left early is counted under no status class). */
  statusCode = 0;
  headersSent = false;
  finished = false;
  /** Called once: after the response ended, or when the connection closed before that. */
  onClose: (() => void) | undefined;
  /** The client's connection can take more after a write returned false. */
  onDrain: (() => void) | undefined;
  /** The whole request body has arrived (true at once for a request without one). */
  bodyDone: boolean;
  private framing = Framing.None;
  /** Response bytes (latin1) waiting for uncork. */
  private out = "";
  private corked = 0;
  private keepAlive: boolean;
  private closeNotified = false;
  private bodyRemaining: number;
  private readonly decoder: ChunkedDecoder | undefined;
  private queued: Buffer[] | undefined;
  private onBodyData: ((chunk: Buffer) => void) | undefined;
  private onBodyEnd: (() => void) | undefined;

  constructor(
    readonly head: RequestHead,
    readonly remoteAddress: string,
    private readonly conn: ExchangeConnection,
  ) {
    this.keepAlive = wantsKeepAlive(head);
    this.bodyRemaining = head.contentLength > 0 ? head.contentLength : 0;
    this.bodyDone = !head.chunked && this.bodyRemaining === 0;
    if (head.chunked) this.decoder = new ChunkedDecoder((chunk, last) => (last ? this.bodyEnded() : this.bodyData(chunk as Buffer)));
  }

  get hasBody(): boolean {
    return this.head.chunked || this.head.contentLength > 0;
  }

  // --- the request body

  /** Bytes from the connection; returns the offset after this request's body (the rest is the next request). Throws FramingError. */
  feedBody(buf: Buffer, off: number): number {
    if (this.decoder) return this.decoder.push(buf, off);
    const n = Math.min(this.bodyRemaining, buf.length - off);
    this.bodyRemaining -= n;
    if (n) this.bodyData(off === 0 && n === buf.length ? buf : buf.subarray(off, off + n));
    if (this.bodyRemaining === 0) this.bodyEnded();
    return off + n;
  }

  /** Streams the body to the callbacks; what arrived before this call comes first. */
  readBody(onData: (chunk: Buffer) => void, onEnd: () => void): void {
    this.onBodyData = onData;
    this.onBodyEnd = onEnd;
    const queued = this.queued;
    this.queued = undefined;
    if (queued) for (const c of queued) onData(c);
    if (this.bodyDone) onEnd();
    else this.conn.resumeReading();
  }

  pauseBody(): void {
    if (!this.bodyDone) this.conn.pauseReading();
  }

  resumeBody(): void {
    if (!this.bodyDone) this.conn.resumeReading();
  }

  private bodyData(chunk: Buffer): void {
    if (this.onBodyData) return this.onBodyData(chunk);
    // Nobody reads yet (the request waits for an instance): keep it, and stop reading until someone does.
    (this.queued ??= []).push(chunk);
    this.conn.pauseReading();
  }

  private bodyEnded(): void {
    if (this.bodyDone) return;
    this.bodyDone = true;
    this.onBodyEnd?.();
  }

  // --- the response
  //
  // Written as latin1 text gathered while corked and sent in one write() at uncork: a response that came from
  // the instance in one read leaves in one system call, without the iovec bookkeeping of socket.cork()/writev.

  /**
   * Sends the status line and headers (`headerLines`: "name: value\r\n" each, hop-by-hop ones already removed);
   * `length` is the body's, or -1 if unknown.
   */
  writeHead(status: number, reason: string | undefined, headerLines: string, length: number): void {
    this.statusCode = status;
    this.headersSent = true;
    const { method, http11 } = this.head;
    if (method === "HEAD" || status === 204 || status === 304 || status < 200) this.framing = Framing.None;
    else if (length >= 0) this.framing = Framing.Length;
    else if (http11) this.framing = Framing.Chunked;
    else {
      this.framing = Framing.UntilClose;
      this.keepAlive = false;
    }
    if (this.conn.closing) this.keepAlive = false;
    let text = `HTTP/1.1 ${status} ${reason ?? STATUS_CODES[status] ?? "Unknown"}\r\n${headerLines}`;
    if (this.framing === Framing.Chunked) text += "transfer-encoding: chunked\r\n";
    if (!this.keepAlive) text += "connection: close\r\n";
    else if (!http11) text += "connection: keep-alive\r\n";
    this.out += `${text}\r\n`;
    if (!this.corked) this.flush();
  }

  /** Returns false when the client's connection is backed up (wait for onDrain). `chunk` is not kept. */
  write(chunk: Buffer): boolean {
    const socket = this.conn.socket;
    if (this.framing === Framing.None || !chunk.length || socket.destroyed) return true;
    const chunked = this.framing === Framing.Chunked;
    if (chunk.length <= SMALL_CHUNK) {
      this.out += chunked ? `${chunk.length.toString(16)}\r\n${chunk.toString("latin1")}\r\n` : chunk.toString("latin1");
      if (!this.corked) this.flush();
      return !socket.writableNeedDrain;
    }
    if (chunked) this.out += `${chunk.length.toString(16)}\r\n`;
    this.flush();
    // A copy: the proxy hands over chunks of a read buffer it reuses.
    const ok = socket.write(Buffer.from(chunk));
    if (chunked) this.out += "\r\n";
    if (!this.corked) this.flush();
    return ok;
  }

  end(chunk?: Buffer | string): void {
    if (this.finished) return;
    if (chunk !== undefined) this.write(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    if (this.framing === Framing.Chunked) this.out += "0\r\n\r\n";
    this.flush();
    this.finished = true;
    // A body still arriving would be read as the next request: close instead of skipping it.
    this.conn.responseDone(this, this.keepAlive && this.bodyDone);
    this.notifyClose();
  }

  /** A plain-text response with a known length (the data plane's own answers: 404, 502, 503, ...). */
  reply(status: number, body: string): void {
    const length = Buffer.byteLength(body);
    this.cork();
    this.writeHead(status, undefined, `content-type: text/plain; charset=utf-8\r\ncontent-length: ${length}\r\ncache-control: no-store\r\n`, length);
    this.end(body);
    this.uncork();
  }

  /**
   * Relays the instance's 101 to a WebSocket handshake and hands over the client's socket: the caller splices it
   * to the instance. Returns the socket (paused) and what the client sent after its request.
   */
  switchProtocols(headerLines: string): { socket: Socket; held: Buffer } {
    this.statusCode = 101;
    this.headersSent = true;
    this.finished = true;
    const socket = this.conn.socket;
    socket.pause();
    // Written now, ahead of anything the tunnel writes, whether or not the caller has this exchange corked.
    socket.write(`${this.out}HTTP/1.1 101 Switching Protocols\r\n${headerLines}connection: Upgrade\r\nupgrade: websocket\r\n\r\n`, "latin1");
    this.out = "";
    const held = this.conn.takeOver();
    this.notifyClose();
    return { socket, held };
  }

  /** Cuts the response short: the client sees the connection close. */
  destroy(): void {
    this.out = "";
    this.conn.socket.destroy();
  }

  /** Holds writes until uncork, to send them in one system call. */
  cork(): void {
    this.corked++;
  }

  uncork(): void {
    if (--this.corked === 0 && this.out) this.flush();
  }

  private flush(): void {
    if (!this.out) return;
    const socket = this.conn.socket;
    if (!socket.destroyed) socket.write(this.out, "latin1");
    this.out = "";
  }

  notifyClose(): void {
    if (this.closeNotified) return;
    this.closeNotified = true;
    this.onClose?.();
  }
}
