// The API listener checks SigV4 as AWS does (clock, body hash, scope) and refuses what it can from the head,
// before reading a body; real clients (SDK, AWS CLI v1 and Debian's v2) keep working with keys configured.
import { SignatureV4 } from "@smithy/signature-v4";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSha256 } from "../src/http/sigv4.js";
import { debianAws, requireDebianAws } from "./debian-aws-cli.js";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";

const run = promisify(execFile);
const KEY = { accessKeyId: "AKIDRUNWAY", secretAccessKey: "s3cret" };
const MAX_CONNECTIONS = 6;
let rt: RunningRuntime;
let port = 0;

beforeAll(async () => {
  rt = await startRuntime({ env: { RUNWAY_RUNTIME_ACCESS_KEYS: `${KEY.accessKeyId}:${KEY.secretAccessKey}`, RUNWAY_RUNTIME_API_MAX_CONNECTIONS: String(MAX_CONNECTIONS) } });
  port = rt.apiPort;
});

afterAll(async () => {
  await rt?.stop();
});

interface Signed {
  body: string;
  service?: string;
  region?: string;
  date?: Date;
  target?: string;
  extraHeaders?: Record<string, string>;
}

/** An AppRunner.ListServices request signed by AWS's signer, with the knobs a forger would turn. */
async function signed(o: Signed): Promise<{ headers: Record<string, string>; body: string }> {
  const signer = new SignatureV4({ service: o.service ?? "apprunner", region: o.region ?? "us-east-1", credentials: KEY, sha256: NodeSha256, applyChecksum: false });
  const req = await signer.sign(
    {
      method: "POST",
      protocol: "http:",
      hostname: "127.0.0.1",
      port,
      path: "/",
      query: {},
      headers: { host: `127.0.0.1:${port}`, "content-type": "application/x-amz-json-1.0", "x-amz-target": o.target ?? "AppRunner.ListServices", ...o.extraHeaders },
      body: o.body,
    },
    { signingDate: o.date ?? new Date() },
  );
  return { headers: req.headers as Record<string, string>, body: o.body };
}

function send(headers: Record<string, string>, body: string): Promise<{ status: number; json: { __type?: string; message?: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { ...headers, "content-length": Buffer.byteLength(body) }, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as { __type?: string; message?: string }) : {} }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Writes only a request head, then returns the response the runtime sends without waiting for the body. */
function headOnly(head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(head));
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (c: string) => (text += c));
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
    socket.setTimeout(20_000, () => socket.destroy(new Error(`no answer to a head alone; got: ${text}`)));
  });
}

const errorType = (r: { json: { __type?: string } }) => r.json.__type?.split("#")[1];

describe("SigV4 as AWS checks it", () => {
  it("accepts a request it signed now, and refuses one signed 400 days ago or 20 minutes ahead", async () => {
    const ok = await send(...Object.values(await signed({ body: "{}" })) as [Record<string, string>, string]);
    expect(ok.status).toBe(200);
    const old = await signed({ body: "{}", date: new Date(Date.now() - 400 * 86_400_000) });
    const r = await send(old.headers, old.body);
    expect(r.status).toBe(403);
    expect(errorType(r)).toBe("InvalidSignatureException");
    expect(r.json.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const ahead = await signed({ body: "{}", date: new Date(Date.now() + 20 * 60_000) });
    expect((await send(ahead.headers, ahead.body)).json.message).toMatch(/^Signature not yet current/);
  });

  it("hashes the body: a body that differs from the signed X-Amz-Content-Sha256 is refused, and so is UNSIGNED-PAYLOAD", async () => {
    const original = '{"MaxResults":1}';
    const hash = createHash("sha256").update(original).digest("hex");
    const s = await signed({ body: original, extraHeaders: { "x-amz-content-sha256": hash } });
    expect((await send(s.headers, original)).status).toBe(200);
    const swapped = await send(s.headers, '{"MaxResults":2}');
    expect(swapped.status).toBe(403);
    expect(swapped.json.message).toMatch(/x-amz-content-sha256/);
    const unsigned = await signed({ body: "{}", extraHeaders: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } });
    const r = await send(unsigned.headers, "{}");
    expect(r.status).toBe(403);
    expect(errorType(r)).toBe("InvalidSignatureException");
  });

  it("refuses a scope for another service or an unknown region", async () => {
    const logs = await signed({ body: "{}", service: "logs" });
    const r1 = await send(logs.headers, logs.body);
    expect(errorType(r1)).toBe("InvalidSignatureException");
    expect(r1.json.message).toContain("'apprunner'");
    const nowhere = await signed({ body: "{}", region: "xx-nowhere-1" });
    const r2 = await send(nowhere.headers, nowhere.body);
    expect(errorType(r2)).toBe("InvalidSignatureException");
    expect(r2.json.message).toMatch(/valid region/);
  });

  it("keeps working for AWS CLI v1 and Debian's AWS CLI v2 on all three APIs", async () => {
    requireDebianAws();
    const env = { ...process.env, AWS_ACCESS_KEY_ID: KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey, AWS_DEFAULT_REGION: "eu-west-1", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null", AWS_PAGER: "" };
    const calls = [
      ["apprunner", "list-services"],
      ["cloudwatch", "list-metrics"],
      ["logs", "describe-log-groups"],
    ];
    const results = await Promise.all(
      ["aws", debianAws].flatMap((cli) => calls.map(async (c) => ({ cli, c, out: await run(cli, [...c, "--endpoint-url", rt.api, "--output", "json"], { env, timeout: 120_000 }) }))),
    );
    expect(results).toHaveLength(6);
    for (const r of results) expect(() => JSON.parse(r.out.stdout) as unknown, `${r.cli} ${r.c.join(" ")}`).not.toThrow();
    // And a wrong secret is refused through the CLI too.
    const bad = await run(debianAws, ["apprunner", "list-services", "--endpoint-url", rt.api], { env: { ...env, AWS_SECRET_ACCESS_KEY: "wrong" }, timeout: 120_000 }).catch((e: { stderr: string }) => e);
    expect((bad as { stderr: string }).stderr).toMatch(/InvalidSignatureException/);
  }, 240_000);
});

describe("the API refuses from the head, before reading a body", () => {
  it("answers an unsigned request announcing a 200 kB body at once, without reading the body", async () => {
    const reply = await headOnly(`POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: AppRunner.ListServices\r\nContent-Length: 200000\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1.1 403/);
    expect(reply).toContain("MissingAuthenticationTokenException");
  });

  it("answers a body over the API's limit with 413 from its Content-Length alone", async () => {
    const s = await signed({ body: "{}" });
    const head = Object.entries(s.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join("\r\n");
    const reply = await headOnly(`POST / HTTP/1.1\r\n${head}\r\nContent-Length: 10000000\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1.1 413/);
    expect(reply).toContain("RequestEntityTooLargeException");
  });

  it("refuses JSON nested deeper than any AWS input before parsing it", async () => {
    const body = `{"Tags":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const s = await signed({ body, target: "AppRunner.ListServices" });
    const r = await send(s.headers, body);
    expect(r.status).toBe(400);
    expect(errorType(r)).toBe("SerializationException");
    expect(r.json.message).toMatch(/deeper than 64/);
  });

  it("caps open connections: one more is answered 503, and the API serves again once they close", async () => {
    const sockets = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => new Promise<net.Socket>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => resolve(s));
    })));
    try {
      // The server counts a connection once it accepts it: retry until all of ours are in.
      let reply = "";
      for (let i = 0; i < 50 && !reply.startsWith("HTTP/1.1 503"); i++) reply = await headOnly(`GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(reply).toMatch(/^HTTP\/1.1 503/);
      expect(reply).toContain("ThrottlingException");
    } finally {
      for (const s of sockets) s.destroy();
    }
    const s = await signed({ body: "{}" });
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await send(s.headers, s.body)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
