import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import type { InstanceInfo } from "../contracts.js";

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);


export type ProxyOutcome =
  /** The instance answered; the response was streamed (maybe cut short if the instance died mid-body). */
  | { kind: "answered" }
  /** No byte of a response came back: the caller may retry a bodiless request or answer 502/504 itself. */
  | { kind: "failed"; retryable: boolean; timedOut: boolean; message: string };

/** Request headers for the instance as a raw [name, value, ...] list (cheaper than header objects on the hot path). */
export function forwardHeaders(req: IncomingMessage): string[] {
  const raw = req.rawHeaders;
  const dropped = connectionTokens(req.headers);
  const out: string[] = [];
  let xff: string | undefined;
  let proto = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || dropped?.has(lower)) continue;
    if (lower === "x-forwarded-for") {
      xff = xff ? `${xff}, ${raw[i + 1]}` : (raw[i + 1] as string);
      continue;
    }
    if (lower === "x-forwarded-proto") proto = true;
    out.push(name, raw[i + 1] as string);
  }
  const client = req.socket.remoteAddress ?? "";
  out.push("x-forwarded-for", xff ? `${xff}, ${client}` : client);
  if (!proto) out.push("x-forwarded-proto", "http");
  return out;
}

function responseHeaders(up: IncomingMessage): string[] {
  const raw = up.rawHeaders;
  // From the raw list: a response's `headers` object is built lazily, and only this would build it.
  let connection: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    if ((raw[i] as string).length === 10 && (raw[i] as string).toLowerCase() === "connection") connection = connection === undefined ? (raw[i + 1] as string) : `${connection}, ${raw[i + 1]}`;
  }
  const dropped = connectionTokens({ connection });
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const lower = (raw[i] as string).toLowerCase();
    if (HOP_BY_HOP.has(lower) || dropped?.has(lower)) continue;
    out.push(raw[i] as string, raw[i + 1] as string);
  }
  return out;
}

function connectionTokens(headers: IncomingHttpHeaders): Set<string> | undefined {
  const c = headers.connection;
  if (!c || c === "keep-alive" || c === "close") return undefined;
  return new Set(c.split(",").map((t) => t.trim().toLowerCase()));
}

const ANSWERED: ProxyOutcome = { kind: "answered" };

/**
 * Streams one request to an instance and its response back, without buffering bodies. Calls `done` exactly
 * once, as soon as the outcome is known; never throws (a dying instance only ends this response). A callback
 * rather than a promise: this runs once per request, and the promise and its await showed in profiles.
 */
export function proxyRequest(req: IncomingMessage, res: ServerResponse, inst: InstanceInfo, agent: http.Agent, timeoutMs: number, done: (o: ProxyOutcome) => void): void {
  let settled = false;
  const upstream = http.request({
    host: inst.host,
    port: inst.port,
    method: req.method,
    path: req.url,
    headers: forwardHeaders(req),
    agent,
  });
  let timedOut = false;
  // A plain timer per request: node's timer lists make these cheap, while a shared sweep over a list or map of
  // pending requests cost about a third of the proxy's CPU per request in proxy-bench.
  const deadline = setTimeout(() => {
    timedOut = true;
    upstream.destroy(new Error(`no complete response within ${Math.round(timeoutMs / 1000)} s`));
    if (res.headersSent) res.destroy();
  }, timeoutMs);
  deadline.unref();
  upstream.on("response", (up) => {
    res.writeHead(up.statusCode ?? 502, up.statusMessage, responseHeaders(up));
    // Hand-rolled pipe with backpressure: fewer listeners than stream.pipe on this hot path.
    up.on("data", (chunk: Buffer) => {
      if (!res.write(chunk)) {
        up.pause();
        res.once("drain", () => up.resume());
      }
    });
    up.on("end", () => {
      clearTimeout(deadline);
      res.end();
    });
    up.on("error", () => res.destroy());
    up.on("aborted", () => res.destroy());
    if (!settled) {
      settled = true;
      done(ANSWERED);
    }
  });
  upstream.on("error", (err: NodeJS.ErrnoException) => {
    clearTimeout(deadline);
    if (settled) {
      if (res.headersSent) res.destroy();
      return;
    }
    settled = true;
    if (res.headersSent) {
      // The instance died mid-response: end this response only.
      res.destroy();
      done(ANSWERED);
      return;
    }
    // Refused: the instance is gone. Reset before any response: usually a pooled keep-alive socket the instance just closed.
    done({ kind: "failed", retryable: !timedOut && (err.code === "ECONNREFUSED" || err.code === "ECONNRESET"), timedOut, message: err.message });
  });
  res.on("close", () => {
    clearTimeout(deadline);
    if (!res.writableFinished) upstream.destroy();
  });
  // Bodiless requests (most GETs, and every retried request) need no pipe.
  if (req.readableEnded || (!req.headers["content-length"] && !req.headers["transfer-encoding"])) {
    upstream.end();
    if (!req.readableEnded) req.resume();
  } else req.pipe(upstream);
}

/** WebSocket (and any Upgrade) passthrough: replays the handshake to the instance, then splices the sockets. */
export function proxyUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, inst: InstanceInfo, onClose: () => void): void {
  const upstream = net.connect(inst.port, inst.host);
  const headers = forwardHeaders(req);
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
    for (let i = 0; i < headers.length; i += 2) head0 += `${headers[i]}: ${headers[i + 1]}\r\n`;
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
