import type { Socket } from "node:net";
import type { Upstream, UpstreamOwner } from "./upstream-pool.js";

/**
 * A WebSocket connection after the instance's 101: bytes both ways, unparsed, with backpressure each way. The
 * instance's side stays an Upstream (its reads land in the pool's shared buffer, so they are copied before the
 * client's socket keeps them). Either side closing closes both.
 */
export class Tunnel implements UpstreamOwner {
  private closed = false;

  constructor(
    private readonly client: Socket,
    private readonly upstream: Upstream,
    private readonly onEnd: () => void,
  ) {
    upstream.owner = this;
    client.on("data", (d: Buffer) => {
      if (!upstream.socket.write(d)) client.pause();
    });
    client.on("drain", () => upstream.socket.resume());
    client.on("end", () => this.close());
    client.on("close", () => this.close());
    client.on("error", () => this.close());
  }

  /** Starts the flow, with what each side sent before the switch. */
  start(fromClient: Buffer, fromInstance: Buffer): void {
    if (fromInstance.length) this.onData(fromInstance);
    if (fromClient.length) this.upstream.socket.write(fromClient);
    this.client.resume();
  }

  onData(buf: Buffer): void {
    if (!this.client.write(Buffer.from(buf))) this.upstream.socket.pause();
  }

  onDrain(): void {
    this.client.resume();
  }

  onClose(): void {
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.upstream.discard();
    this.client.end();
    this.client.destroySoon();
    this.onEnd();
  }
}
