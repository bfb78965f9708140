// RUNWAY_TRUSTED_PROXIES: the addresses (or CIDR ranges) of reverse proxies in front of the
// console. Only a request whose TCP peer is one of them may tell us the client's address
// (X-Forwarded-For), protocol and host; anyone else could write any value there.
import { BlockList, isIP } from "node:net";

export type TrustedProxies = BlockList;

/** Parses "10.0.0.1, 10.1.0.0/16, ::1"; throws with the offending entry. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr = "", prefix, extra] = entry.split("/");
    const family = isIP(addr);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= max) ) || prefix === "") {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, bits, type);
  }
  return list;
}

/** IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d; use the plain address. */
export function normalizeAddress(raw: string): string {
  const a = raw.trim();
  return a.toLowerCase().startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

export function isTrusted(list: TrustedProxies, address: string): boolean {
  const a = normalizeAddress(address);
  const family = isIP(a);
  if (!family) return false;
  return list.check(a, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client address for a request from `peer`. X-Forwarded-For is read right to left (each
 * proxy appends the address it saw), skipping our own trusted proxies; the first address
 * that is not one of them is the client. Without a trusted peer, the peer is the client.
 */
export function clientAddress(peer: string, forwardedFor: string | null, list: TrustedProxies): string {
  let client = normalizeAddress(peer);
  if (!isTrusted(list, client)) return client;
  const hops = (forwardedFor ?? "").split(",").map((s) => normalizeAddress(s)).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // A value that is not an address cannot be attributed to anyone: stop at the last known hop.
    if (!isIP(hop)) return client;
    client = hop;
    if (!isTrusted(list, hop)) return client;
  }
  return client;
}
