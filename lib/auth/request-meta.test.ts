// The client address through a real HTTP server with the peer stamp installed, as `next start`
// runs it: forged X-Forwarded-For (and a forged stamp) change neither the audited address nor
// the sign-in rate limit's key.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/testing/temp-db";

process.env.RUNWAY_SIGNIN_NO_DELAY = "1";
process.env.RUNWAY_SIGNIN_IP_LIMIT = "3";
delete process.env.RUNWAY_TRUSTED_PROXIES;
const tmp = createTempDatabase();
const { db } = await import("@/lib/db");
const { reloadEnv } = await import("@/lib/env");
const { installPeerStamp, PEER_HEADER } = await import("@/lib/net/peer-stamp");
const { metaFromHeaders } = await import("@/lib/auth/request-meta");
const { attemptSignIn } = await import("@/lib/auth/sign-in");

installPeerStamp();
let seen: Headers[] = [];
const server = http.createServer((req, res) => {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h.set(k, v);
  seen.push(h);
  res.end("ok");
});

async function requestWith(headers: Record<string, string>): Promise<Headers> {
  seen = [];
  const { port } = server.address() as AddressInfo;
  await fetch(`http://127.0.0.1:${port}/`, { headers });
  return seen[0]!;
}

describe("client address from the socket", () => {
  beforeAll(() => new Promise<void>((r) => server.listen(0, "127.0.0.1", r)));
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await db.$disconnect();
    tmp.cleanup();
  });

  it("ignores X-Forwarded-For, X-Real-IP and a forged stamp from an untrusted peer", async () => {
    const h = await requestWith({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10", [PEER_HEADER]: "0000 tcp 203.0.113.11" });
    expect(metaFromHeaders(h).ip).toBe("127.0.0.1");
    expect(metaFromHeaders(h).secure).toBe(false);
    expect((await requestWith({ "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" }).then(metaFromHeaders))).toMatchObject({ secure: false, host: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
  });

  it("has no address to vouch for when the request was never stamped", () => {
    const h = new Headers({ "x-forwarded-for": "203.0.113.9", [PEER_HEADER]: "guess tcp 203.0.113.9" });
    expect(metaFromHeaders(h).ip).toBeNull();
  });

  it("believes X-Forwarded-For only from a proxy listed in RUNWAY_TRUSTED_PROXIES", async () => {
    process.env.RUNWAY_TRUSTED_PROXIES = "127.0.0.1";
    reloadEnv();
    try {
      const h = await requestWith({ "x-forwarded-for": "1.1.1.1, 198.51.100.7", "x-forwarded-proto": "https" });
      expect(metaFromHeaders(h)).toMatchObject({ ip: "198.51.100.7", secure: true });
    } finally {
      delete process.env.RUNWAY_TRUSTED_PROXIES;
      reloadEnv();
    }
  });

  it("a new X-Forwarded-For per attempt does not reset the sign-in rate limit", async () => {
    const outcomes = [];
    for (let i = 0; i < 5; i++) {
      const meta = metaFromHeaders(await requestWith({ "x-forwarded-for": `203.0.113.${i}` }));
      outcomes.push(await attemptSignIn("nobody@example.com", "wrong", meta));
    }
    expect(outcomes.map((o) => ("rateLimited" in o && o.rateLimited) === true)).toEqual([false, false, false, true, true]);
    const ips = await db.auditEvent.findMany({ where: { action: "auth.sign_in" }, select: { ip: true } });
    expect(new Set(ips.map((e) => e.ip))).toEqual(new Set(["127.0.0.1"]));
  });
});
