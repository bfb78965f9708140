import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { ApiHandler } from "../contracts.js";
import { writeJsonError } from "../protocol/json-response.js";
import { checkHead, checkScope, parseAuthorization, verifySignature, type Refusal } from "./sigv4.js";

/**
 * Request bodies buffered at once across all connections. The API shares its process (and event loop) with
 * the data plane: past this, callers are asked to slow down instead of the runtime growing without bound.
 */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

export interface ApiServerOptions {
  host: string;
  port: number;
  handlers: ApiHandler[];
  /** Access key id -> secret; empty means any credentials (or none) are accepted. */
  accessKeys: Map<string, string>;
  /** Open connections at most; one more is answered 503 and closed. */
  maxConnections?: number;
}

export interface ApiServer {
  /** Resolves with the bound port (useful with port 0). */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The API listener. Everything that can be refused from the head is refused before any of the body is read
 * (unknown operation, a body over the API's limit, missing or bad credentials, a stale or foreign signature);
 * bodies are read up to that limit, then the signature is checked against them, then a handler runs.
 */
export function createApiServer(opts: ApiServerOptions): ApiServer {
  let buffered = 0;
  const budget = {
    take: (n: number) => {
      if (buffered + n > MAX_BUFFERED_BYTES) return false;
      buffered += n;
      return true;
    },
    give: (n: number) => {
      buffered -= n;
    },
  };
  const server: Server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    void serve(req, res, opts, budget).catch((err: unknown) => {
      if (!res.headersSent) refuse(req, res, { type: "InternalFailure", queryCode: "InternalFailure", status: 500, message: String(err) });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  // A client that trickles its head or body must not hold a connection (and its buffer) for minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const maxConnections = opts.maxConnections ?? 256;
  let open = 0;
  server.on("connection", (socket: Socket) => {
    open++;
    socket.once("close", () => open--);
    if (open > maxConnections) {
      const text = JSON.stringify({ __type: "com.amazon.coral.service#ThrottlingException", message: `Too many connections to the runtime API (at most ${maxConnections})`, Message: `Too many connections to the runtime API (at most ${maxConnections})` });
      socket.end(`HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/x-amz-json-1.0\r\nx-amzn-errortype: ThrottlingException\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
      socket.destroySoon();
    }
  });
  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(opts.port, opts.host, () => {
          server.off("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Budget {
  take(n: number): boolean;
  give(n: number): void;
}

async function serve(req: IncomingMessage, res: ServerResponse, opts: ApiServerOptions, budget: Budget): Promise<void> {
  if (req.method === "GET" && (req.url === "/health" || req.url === "/_runway/health")) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok" }));
    return;
  }
  const handler = opts.handlers.find((h) => h.canHandle(req));
  if (!handler) {
    const target = req.headers["x-amz-target"];
    refuse(req, res, {
      type: "UnknownOperationException",
      queryCode: "InvalidAction",
      status: 400,
      message: typeof target === "string" ? `Unknown operation ${target}` : "Request does not name an operation this runtime serves (App Runner, CloudWatch, CloudWatch Logs)",
    });
    return;
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > handler.maxBodyBytes) {
    refuse(req, res, tooLarge(handler.maxBodyBytes));
    return;
  }
  const auth = parseAuthorization(req.headers.authorization);
  const early = checkBeforeBody(req, handler, auth, opts.accessKeys);
  if (early) {
    refuse(req, res, early);
    return;
  }
  const body = await readBody(req, handler.maxBodyBytes, budget);
  if (body === "too-large") {
    refuse(req, res, tooLarge(handler.maxBodyBytes));
    return;
  }
  if (body === "busy") {
    refuse(req, res, { type: "ThrottlingException", queryCode: "Throttling", status: 503, message: "The runtime API is busy reading other request bodies; retry shortly." });
    return;
  }
  try {
    if (auth && opts.accessKeys.size > 0) {
      const bad = await verifySignature(req, body, auth, opts.accessKeys.get(auth.accessKeyId)!);
      if (bad) {
        refuse(req, res, bad);
        return;
      }
    }
    await handler.handle(req, body, res);
  } finally {
    budget.give(body.length);
  }
}

/** Credentials and the signature's scope and clock, from the head alone. */
function checkBeforeBody(req: IncomingMessage, handler: ApiHandler, auth: ReturnType<typeof parseAuthorization>, keys: Map<string, string>): Refusal | undefined {
  const header = req.headers.authorization;
  if (keys.size === 0) {
    // Signatures are not verified, but the scope still picks the region partition: it must name a real one.
    return auth ? checkScope(auth, handler.signingName) : undefined;
  }
  if (!header) return { type: "MissingAuthenticationTokenException", queryCode: "MissingAuthenticationToken", status: 403, message: "Missing Authentication Token" };
  if (!auth) return { type: "IncompleteSignatureException", queryCode: "IncompleteSignature", status: 400, message: "Authorization header is not a valid AWS Signature Version 4 header" };
  if (!keys.has(auth.accessKeyId)) return { type: "UnrecognizedClientException", queryCode: "InvalidClientTokenId", status: 403, message: "The security token included in the request is invalid." };
  return checkScope(auth, handler.signingName) ?? checkHead(req, auth);
}

function tooLarge(limit: number): Refusal {
  return { type: "RequestEntityTooLargeException", queryCode: "RequestEntityTooLarge", status: 413, message: `Request body exceeds ${limit} bytes` };
}

/**
 * Errors raised before a handler runs: XML for the query protocol, AWS JSON otherwise. The connection is closed
 * after them, so a body that was never read is not read now either.
 */
function refuse(req: IncomingMessage, res: ServerResponse, e: Refusal): void {
  res.shouldKeepAlive = false;
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    const xml = `<ErrorResponse><Error><Type>Sender</Type><Code>${e.queryCode}</Code><Message>${escapeXml(e.message)}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`;
    res.writeHead(e.status, { "content-type": "text/xml", "content-length": Buffer.byteLength(xml), connection: "close" });
    res.end(xml);
    return;
  }
  res.setHeader("connection", "close");
  writeJsonError(res, e, {
    namespace: "com.amazon.coral.service",
    contentType: contentType.startsWith("application/x-amz-json-1.1") ? "application/x-amz-json-1.1" : "application/x-amz-json-1.0",
    queryErrorCode: req.headers["x-amzn-query-mode"] ? e.queryCode : undefined,
  });
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The body, up to `limit` bytes and within the shared budget; stops reading as soon as either is exceeded. */
function readBody(req: IncomingMessage, limit: number, budget: Budget): Promise<Buffer | "too-large" | "busy"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const stop = (outcome: "too-large" | "busy") => {
      done = true;
      budget.give(size);
      req.pause();
      resolve(outcome);
    };
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      if (size + chunk.length > limit) return stop("too-large");
      if (!budget.take(chunk.length)) return stop("busy");
      size += chunk.length;
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on("error", (err) => {
      if (done) return;
      done = true;
      budget.give(size);
      reject(err);
    });
  });
}
