import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import type { InstanceInfo } from "../contracts.js";

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);


export type ProxyOutcome =
  /** The instance answered; the response was streamed (maybe cut short if the instance died mid-body). */
  | { kind: "answered" }
  /** No byte of a response came back: the caller may retry a bodiless request or answer 502/504 itself. */
  | { kind: "failed"; retryable: boolean; timedOut: boolean; message: string };

export function forwardHeaders(req: IncomingMessage, extraConnectionTokens = true): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  const dropped = extraConnectionTokens ? connectionTokens(req.headers) : undefined;
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || HOP_BY_HOP.has(k) || dropped?.has(k)) continue;
    out[k] = v;
  }
  const client = req.socket.remoteAddress ?? "";
  const prior = req.headers["x-forwarded-for"];
  out["x-forwarded-for"] = prior ? `${Array.isArray(prior) ? prior.join(", ") : prior}, ${client}` : client;
  out["x-forwarded-proto"] ??= "http";
  return out;
}

function connectionTokens(headers: IncomingHttpHeaders): Set<string> | undefined {
  const c = headers.connection;
  if (!c || c === "keep-alive" || c === "close") return undefined;
  return new Set(c.split(",").map((t) => t.trim().toLowerCase()));
}

/**
 * Streams one request to an instance and its response back, without buffering bodies. Resolves once
 * the outcome is known; never rejects and never throws (a dying instance only ends this response).
 */
export function proxyRequest(req: IncomingMessage, res: ServerResponse, inst: InstanceInfo, agent: http.Agent, timeoutMs: number): Promise<ProxyOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (o: ProxyOutcome) => {
      if (!settled) {
        settled = true;
        resolve(o);
      }
    };
    const upstream = http.request({
      host: inst.host,
      port: inst.port,
      method: req.method,
      path: req.url,
      headers: forwardHeaders(req),
      agent,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      upstream.destroy(new Error(`no complete response within ${Math.round(timeoutMs / 1000)} s`));
      if (res.headersSent) res.destroy();
    }, timeoutMs);
    upstream.on("response", (up) => {
      const headers: OutgoingHttpHeaders = {};
      const dropped = connectionTokens(up.headers);
      for (const [k, v] of Object.entries(up.headers)) {
        if (v === undefined || HOP_BY_HOP.has(k) || dropped?.has(k)) continue;
        headers[k] = v;
      }
      res.writeHead(up.statusCode ?? 502, up.statusMessage, headers);
      up.pipe(res);
      up.on("error", () => res.destroy());
      up.on("aborted", () => res.destroy());
      up.on("end", () => clearTimeout(timer));
      settle({ kind: "answered" });
    });
    upstream.on("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (res.headersSent) {
        // The instance died mid-response: end this response only.
        res.destroy();
        settle({ kind: "answered" });
        return;
      }
      // Refused: the instance is gone. Reset before any response: usually a pooled keep-alive socket the instance just closed.
      settle({ kind: "failed", retryable: !timedOut && (err.code === "ECONNREFUSED" || err.code === "ECONNRESET"), timedOut, message: err.message });
    });
    res.on("close", () => {
      clearTimeout(timer);
      if (!res.writableFinished) upstream.destroy();
    });
    // A retried request was already read to its end (only bodiless requests are retried).
    if (req.readableEnded) upstream.end();
    else req.pipe(upstream);
  });
}

/** WebSocket (and any Upgrade) passthrough: replays the handshake to the instance, then splices the sockets. */
export function proxyUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, inst: InstanceInfo, onClose: () => void): void {
  const upstream = net.connect(inst.port, inst.host);
  const headers = forwardHeaders(req, false);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    client.destroy();
    upstream.destroy();
    onClose();
  };
  upstream.on("connect", () => {
    let head0 = `${req.method} ${req.url} HTTP/1.1\r\n`;
    for (const [k, v] of Object.entries(headers)) {
      for (const one of Array.isArray(v) ? v : [v]) head0 += `${k}: ${String(one)}\r\n`;
    }
    head0 += `connection: Upgrade\r\nupgrade: ${String(req.headers.upgrade ?? "websocket")}\r\n\r\n`;
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
