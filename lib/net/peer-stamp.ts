// Next.js gives Server Components, actions and route handlers no socket. `next start` only
// copies the peer address into X-Forwarded-For when the client did not send one, so a client
// that sends its own value hides the real peer. instrumentation.ts installs this stamp in
// the server process: every request the HTTP server emits gets a header naming the socket's
// address, overwriting anything the client sent. The value carries a per-process random token,
// so a request that somehow escaped the stamp (one emitted before it was installed) cannot
// pass a forged header off as ours. (No "server-only" here: the instrumentation bundle is
// not compiled with the react-server condition, and this module holds no secret.)
import http from "node:http";
import https from "node:https";
import { randomBytes } from "node:crypto";
import type { TLSSocket } from "node:tls";

export const PEER_HEADER = "x-runway-peer";

interface PeerGlobals {
  runwayPeerToken?: string;
  runwayPeerStampInstalled?: boolean;
}
const g = globalThis as unknown as PeerGlobals;

function token(): string {
  return (g.runwayPeerToken ??= randomBytes(16).toString("hex"));
}

export interface Peer {
  /** The TCP peer's address, as the socket reports it. */
  address: string;
  /** Whether that socket spoke TLS. */
  encrypted: boolean;
}

/** Writes the stamp onto a request as it arrives; exported for tests. */
export function stampRequest(req: http.IncomingMessage): void {
  const socket = req.socket as Partial<TLSSocket> | undefined;
  const address = socket?.remoteAddress ?? "";
  req.headers[PEER_HEADER] = `${token()} ${socket?.encrypted ? "tls" : "tcp"} ${address}`;
}

const STAMPED_EVENTS = new Set<string | symbol>(["request", "checkContinue", "checkExpectation", "upgrade"]);

/** Idempotent. Patches emit on the HTTP(S) server prototypes, so servers that already exist are covered too. */
export function installPeerStamp(): void {
  if (g.runwayPeerStampInstalled) return;
  g.runwayPeerStampInstalled = true;
  for (const proto of [http.Server.prototype, https.Server.prototype] as Array<{ emit: (event: string | symbol, ...args: unknown[]) => boolean }>) {
    const original = proto.emit;
    proto.emit = function emitWithPeer(this: unknown, event: string | symbol, ...args: unknown[]): boolean {
      if (STAMPED_EVENTS.has(event) && args[0] instanceof http.IncomingMessage) stampRequest(args[0]);
      return original.call(this, event, ...args);
    };
  }
}

/** The stamped peer of a request, or null when there is no genuine stamp. */
export function readPeer(h: Pick<Headers, "get">): Peer | null {
  const raw = h.get(PEER_HEADER);
  if (!raw) return null;
  const [tok, kind, address] = raw.split(" ");
  if (tok !== token() || !address || (kind !== "tls" && kind !== "tcp")) return null;
  return { address, encrypted: kind === "tls" };
}
