import http from "node:http";
import net from "node:net";

/** What the reference app (Node's own HTTP server, as most instances run) received. */
export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An instance on Node's http server that records every request and answers with what it saw. */
export async function referenceApp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: Received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("latin1") };
      received.push(r);
      const body = JSON.stringify(r);
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-app": "reference" });
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
  server.keepAliveTimeout = 65_000;
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
  return {
    port,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A scripted reply: raw response pieces written with a pause between them, then maybe a close. */
export interface Script {
  pieces: string[];
  gapMs?: number;
  close?: boolean;
}

/**
 * An instance that answers each request (a GET, no body) with the raw bytes scripted for its path: for responses
 * no real framework would send. Counts the connections it accepted.
 */
export async function scriptedInstance(scripts: Record<string, Script>): Promise<{ port: number; accepted: () => number; close(): Promise<void> }> {
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buf = "";
    socket.on("data", (d: Buffer) => {
      buf += d.toString("latin1");
      for (let end = buf.indexOf("\r\n\r\n"); end >= 0; end = buf.indexOf("\r\n\r\n")) {
        const path = buf.slice(buf.indexOf(" ") + 1, buf.indexOf(" ", buf.indexOf(" ") + 1));
        buf = buf.slice(end + 4);
        void play(socket, scripts[path] ?? { pieces: ["HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"] });
      }
    });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
  return {
    port,
    accepted: () => accepted,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function play(socket: net.Socket, script: Script): Promise<void> {
  for (const [i, piece] of script.pieces.entries()) {
    if (i && script.gapMs) await new Promise((r) => setTimeout(r, script.gapMs));
    if (socket.destroyed) return;
    socket.write(piece, "latin1");
  }
  if (script.close) socket.end();
}

/**
 * Sends raw bytes to the data plane and collects what comes back until the connection closes, `until` matches,
 * or `ms` passes. Optional `then` bytes are sent once `after` appears in the response (Expect: 100-continue).
 */
export function rawExchange(port: number, bytes: string, opts: { until?: RegExp; ms?: number; after?: RegExp; then?: string } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let out = "";
    let sentThen = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(out);
    };
    const timer = setTimeout(finish, opts.ms ?? 3000);
    socket.on("data", (d: Buffer) => {
      out += d.toString("latin1");
      if (opts.after && opts.then !== undefined && !sentThen && opts.after.test(out)) {
        sentThen = true;
        socket.write(opts.then, "latin1");
      }
      if (opts.until?.test(out)) finish();
    });
    socket.on("close", finish);
    socket.on("error", finish);
    socket.write(bytes, "latin1");
  });
}

/** Status codes of the responses in a raw reply, in order. */
export function statuses(raw: string): number[] {
  return [...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
}
