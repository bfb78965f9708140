// Who is calling: client IP, user agent, whether the request came over https. The client IP
// is the TCP peer's (stamped by instrumentation.ts), unless that peer is a proxy listed in
// RUNWAY_TRUSTED_PROXIES: only then are X-Forwarded-For, -Proto and -Host believed.
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { readPeer } from "@/lib/net/peer-stamp";
import { clientAddress, isTrusted, parseTrustedProxies, type TrustedProxies } from "@/lib/net/trusted-proxies";

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  secure: boolean;
  host: string | null;
  origin: string | null;
}

let parsed: { source: string | undefined; list: TrustedProxies } | undefined;
function trustedProxies(): TrustedProxies {
  // env is reloaded by tests; parse again only when the setting changed.
  if (!parsed || parsed.source !== env.RUNWAY_TRUSTED_PROXIES) {
    parsed = { source: env.RUNWAY_TRUSTED_PROXIES, list: parseTrustedProxies(env.RUNWAY_TRUSTED_PROXIES) };
  }
  return parsed.list;
}

const first = (v: string | null) => v?.split(",")[0]?.trim() || null;

export function metaFromHeaders(h: Headers): RequestMeta {
  const peer = readPeer(h);
  const list = trustedProxies();
  const viaTrustedProxy = peer !== null && isTrusted(list, peer.address);
  let ip: string | null = null;
  let secure: boolean;
  let host: string | null;
  if (peer && viaTrustedProxy) {
    ip = clientAddress(peer.address, h.get("x-forwarded-for"), list);
    secure = first(h.get("x-forwarded-proto")) === "https" || peer.encrypted;
    host = first(h.get("x-forwarded-host")) ?? h.get("host");
  } else if (peer) {
    ip = clientAddress(peer.address, null, list);
    secure = peer.encrypted;
    host = h.get("host");
  } else {
    // No genuine stamp (a request that arrived before instrumentation ran): no address we can
    // vouch for. Protocol and host only shape this caller's own cookies and origin check.
    secure = h.get("x-forwarded-proto") === "https";
    host = h.get("host");
  }
  return {
    ip,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    secure,
    host,
    origin: h.get("origin"),
  };
}

export async function requestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}
