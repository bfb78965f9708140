import { describe, expect, it } from "vitest";
import { clientAddress, isTrusted, parseTrustedProxies } from "@/lib/net/trusted-proxies";

describe("trusted proxies", () => {
  it("parses addresses and CIDR ranges of both families", () => {
    const list = parseTrustedProxies(" 10.0.0.1, 192.168.0.0/16 ,::1, fd00::/8");
    expect(isTrusted(list, "10.0.0.1")).toBe(true);
    expect(isTrusted(list, "10.0.0.2")).toBe(false);
    expect(isTrusted(list, "192.168.44.5")).toBe(true);
    expect(isTrusted(list, "::ffff:192.168.1.1")).toBe(true);
    expect(isTrusted(list, "::1")).toBe(true);
    expect(isTrusted(list, "fd12::5")).toBe(true);
    expect(isTrusted(list, "not-an-ip")).toBe(false);
  });

  it.each(["10.0.0", "10.0.0.0/33", "10.0.0.0/", "::1/129", "10.0.0.0/8/8", "localhost"])("refuses %s", (entry) => {
    expect(() => parseTrustedProxies(entry)).toThrow(entry);
  });

  it("without a trusted peer, the peer is the client whatever X-Forwarded-For says", () => {
    const none = parseTrustedProxies(undefined);
    expect(clientAddress("::ffff:127.0.0.1", "203.0.113.9", none)).toBe("127.0.0.1");
    const other = parseTrustedProxies("10.0.0.1");
    expect(clientAddress("127.0.0.1", "203.0.113.9", other)).toBe("127.0.0.1");
  });

  it("behind trusted proxies, the right-most address that is not one of them is the client", () => {
    const list = parseTrustedProxies("10.0.0.0/8");
    // The client forged a first hop; the edge proxy appended what it saw, then an inner proxy.
    expect(clientAddress("10.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.2", list)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.1", "198.51.100.7", list)).toBe("198.51.100.7");
    // Every hop trusted: the left-most one.
    expect(clientAddress("10.0.0.1", "10.0.0.3, 10.0.0.2", list)).toBe("10.0.0.3");
    // No header at all: the proxy itself.
    expect(clientAddress("10.0.0.1", null, list)).toBe("10.0.0.1");
    // Garbage a proxy passed through is nobody's address: stop at the last hop we can name.
    expect(clientAddress("10.0.0.1", "198.51.100.7, garbage", list)).toBe("10.0.0.1");
  });
});
