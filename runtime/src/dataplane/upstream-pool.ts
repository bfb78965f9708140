import net from "node:net";

/** 64 KiB, like Node's own read size. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/** The exchange a connection currently serves; the connection's events go to it. */
export interface UpstreamOwner {
  /** Bytes from the instance, in a buffer reused after this returns: copy what must outlive the call. */
  onData(buf: Buffer): void;
  /** The connection ended, failed or closed (called once); err is set when it failed. */
  onClose(err: NodeJS.ErrnoException | undefined): void;
  onDrain(): void;
}

/**
 * One keep-alive connection to an instance. Its listeners are added once, at connect, and forward to
 * whichever exchange owns it: adding and removing listeners per request showed in profiles.
 */
export class Upstream {
  owner: UpstreamOwner | undefined;
  idleSince = 0;
  /** Whether it carried an earlier request (a reused connection may have been closed by the instance meanwhile). */
  reused = false;
  closed = false;
  /** The TCP connection was established: a request given to it counts as written (the instance may have read it). */
  connected = false;

  constructor(
    readonly socket: net.Socket,
    readonly key: string,
    private readonly pool: UpstreamPool,
  ) {
    socket.setNoDelay(true);
    socket.once("connect", () => (this.connected = true));
    socket.on("drain", () => this.owner?.onDrain());
    socket.on("end", () => this.ended(undefined));
    socket.on("error", (err: NodeJS.ErrnoException) => this.ended(err));
    socket.on("close", () => this.ended(undefined));
  }

  /** Bytes read (in the shared read buffer: valid only until this returns). */
  read(d: Buffer): void {
    if (this.owner) return this.owner.onData(d);
    // Bytes while idle: the instance writes after its responses, and the next request on any of its connections
    // could read them as its answer.
    this.pool.taint(this.key);
    this.socket.destroy();
  }

  /** Drops the connection, telling nobody: for an owner that gave up on it. */
  discard(): void {
    this.owner = undefined;
    this.socket.destroy();
  }

  private ended(err: NodeJS.ErrnoException | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.pool.forget(this);
    const owner = this.owner;
    this.owner = undefined;
    owner?.onClose(err);
    if (!this.socket.destroyed) this.socket.destroy();
  }
}

export interface UpstreamPoolOptions {
  /** Idle connections kept per instance; more are closed. */
  maxIdlePerKey: number;
  /**
   * Idle connections older than this are not reused: Node's http server closes keep-alive connections after
   * 5 s idle by default, and a request sent just as the instance closes would fail.
   */
  idleMs: number;
}

/** Keep-alive connections to instances, reused most-recently-idle first (like nginx's upstream keepalive). */
export class UpstreamPool {
  private readonly idle = new Map<string, Upstream[]>();
  /**
   * Instances seen writing bytes after a response. Their connections are never reused: once a stray write lands
   * after the next request was sent, no parser can tell it from the answer, and another client would get it.
   */
  private readonly tainted = new Set<string>();

  constructor(private readonly opts: UpstreamPoolOptions = { maxIdlePerKey: 512, idleMs: 4000 }) {}

  /** An idle connection to the instance, or a new one (writes before it connects are queued by Node). */
  acquire(key: string, host: string, port: number, owner: UpstreamOwner): Upstream {
    const list = this.idle.get(key);
    if (list?.length) {
      const now = Date.now();
      while (list.length) {
        const u = list.pop() as Upstream;
        if (now - u.idleSince < this.opts.idleMs && !u.closed) {
          u.owner = owner;
          u.reused = true;
          return u;
        }
        u.closed = true;
        u.socket.destroy();
      }
    }
    // Reads land in one buffer shared by every connection (callbacks run one at a time), instead of a new Buffer
    // and a stream 'data' event per read.
    const u: Upstream = new Upstream(
      net.connect({
        port,
        host,
        onread: {
          buffer: READ_BUFFER,
          callback: (n: number, buf: Uint8Array) => {
            u.read(Buffer.from(buf.buffer, buf.byteOffset, n));
            return true;
          },
        },
      }),
      key,
      this,
    );
    u.owner = owner;
    return u;
  }

  /** The connection finished a response cleanly and may carry another request. */
  release(u: Upstream): void {
    u.owner = undefined;
    if (u.closed) return;
    if (this.tainted.has(u.key)) return u.discard();
    let list = this.idle.get(u.key);
    if (!list) {
      list = [];
      this.idle.set(u.key, list);
    }
    u.idleSince = Date.now();
    list.push(u);
    if (list.length > this.opts.maxIdlePerKey) (list.shift() as Upstream).discard();
  }

  /** The instance sent bytes after a response: its idle connections are closed and none is pooled again. */
  taint(key: string): void {
    this.tainted.add(key);
    const list = this.idle.get(key);
    if (!list) return;
    this.idle.delete(key);
    for (const u of list) u.discard();
  }

  isTainted(key: string): boolean {
    return this.tainted.has(key);
  }

  forget(u: Upstream): void {
    const list = this.idle.get(u.key);
    if (!list) return;
    const i = list.lastIndexOf(u);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) this.idle.delete(u.key);
  }

  destroy(): void {
    for (const list of this.idle.values()) for (const u of list.splice(0)) u.discard();
    this.idle.clear();
  }
}
