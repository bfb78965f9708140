import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiHandler } from "../contracts.js";
import { writeJsonError } from "../protocol/json-response.js";
import { parseAuthorization, verifySignature } from "./sigv4.js";

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface ApiServerOptions {
  host: string;
  port: number;
  handlers: ApiHandler[];
  /** Access key id -> secret; empty means any credentials (or none) are accepted. */
  accessKeys: Map<string, string>;
}

export interface ApiServer {
  /** Resolves with the bound port (useful with port 0). */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** The API listener: reads the body, checks SigV4 when keys are configured, hands the request to the first handler that claims it. */
export function createApiServer(opts: ApiServerOptions): ApiServer {
  const server: Server = createServer((req, res) => {
    void serve(req, res, opts).catch((err: unknown) => {
      if (!res.headersSent) writeAuthError(req, res, { type: "InternalFailure", queryCode: "InternalFailure", status: 500, message: String(err) });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
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

async function serve(req: IncomingMessage, res: ServerResponse, opts: ApiServerOptions): Promise<void> {
  if (req.method === "GET" && (req.url === "/health" || req.url === "/_runway/health")) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok" }));
    return;
  }
  const body = await readBody(req);
  if (body === undefined) {
    writeAuthError(req, res, { type: "RequestEntityTooLargeException", queryCode: "RequestEntityTooLarge", status: 413, message: `Request body exceeds ${MAX_BODY_BYTES} bytes` });
    return;
  }
  const refusal = authenticate(req, body, opts.accessKeys);
  if (refusal) {
    writeAuthError(req, res, refusal);
    return;
  }
  const handler = opts.handlers.find((h) => h.canHandle(req));
  if (handler) {
    await handler.handle(req, body, res);
    return;
  }
  const target = req.headers["x-amz-target"];
  writeAuthError(req, res, {
    type: "UnknownOperationException",
    queryCode: "InvalidAction",
    status: 400,
    message: typeof target === "string" ? `Unknown operation ${target}` : "Request does not name an operation this runtime serves (App Runner, CloudWatch, CloudWatch Logs)",
  });
}

interface Refusal {
  type: string;
  queryCode: string;
  status: number;
  message: string;
}

function authenticate(req: IncomingMessage, body: Buffer, keys: Map<string, string>): Refusal | undefined {
  if (keys.size === 0) return undefined;
  const header = req.headers.authorization;
  if (!header) return { type: "MissingAuthenticationTokenException", queryCode: "MissingAuthenticationToken", status: 403, message: "Missing Authentication Token" };
  const auth = parseAuthorization(header);
  if (!auth) return { type: "IncompleteSignatureException", queryCode: "IncompleteSignature", status: 400, message: "Authorization header is not a valid AWS Signature Version 4 header" };
  const secret = keys.get(auth.accessKeyId);
  if (secret === undefined) return { type: "UnrecognizedClientException", queryCode: "InvalidClientTokenId", status: 403, message: "The security token included in the request is invalid." };
  if (!verifySignature(req, body, auth, secret)) {
    return {
      type: "InvalidSignatureException",
      queryCode: "SignatureDoesNotMatch",
      status: 403,
      message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    };
  }
  return undefined;
}

/** Errors raised before a handler runs: XML for the query protocol, AWS JSON otherwise. */
function writeAuthError(req: IncomingMessage, res: ServerResponse, e: Refusal): void {
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    const xml = `<ErrorResponse><Error><Type>Sender</Type><Code>${e.queryCode}</Code><Message>${escapeXml(e.message)}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`;
    res.writeHead(e.status, { "content-type": "text/xml", "content-length": Buffer.byteLength(xml) });
    res.end(xml);
    return;
  }
  writeJsonError(res, e, {
    namespace: "com.amazon.coral.service",
    contentType: contentType.startsWith("application/x-amz-json-1.1") ? "application/x-amz-json-1.1" : "application/x-amz-json-1.0",
    queryErrorCode: req.headers["x-amzn-query-mode"] ? e.queryCode : undefined,
  });
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
