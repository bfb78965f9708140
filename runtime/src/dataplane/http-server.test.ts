import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProxyHttpServer } from "./http-server.js";
import { rawExchange, statuses } from "./protocol-fixtures.js";

// The data plane's HTTP server on its own, with short timeouts: connections that hold a slot without sending
// a request (slow heads, idle keep-alive) are closed, and bodies that arrive before anyone reads them wait.

let server: ProxyHttpServer;
let port: number;

beforeAll(async () => {
  server = new ProxyHttpServer({
    onRequest: (x) => {
      if (x.head.target === "/late-reader") {
        // Reads the body only after a while, as a request waiting in the queue for an instance does.
        setTimeout(() => {
          const chunks: Buffer[] = [];
          x.readBody(
            (c) => chunks.push(Buffer.from(c)),
            () => x.reply(200, `read ${Buffer.concat(chunks).toString()}`),
          );
        }, 300);
        return;
      }
      x.reply(200, `ok ${x.head.target}`);
    },
    keepAliveTimeoutMs: 1500,
    headersTimeoutMs: 1000,
    maxConnections: 1000,
  });
  port = await server.listen(0, "127.0.0.1");
});

afterAll(() => server.close());

/** Opens a connection, sends `bytes`, and resolves with what came back and how long until the server closed it. */
function openAndWait(bytes: string): Promise<{ text: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    socket.on("data", (d: Buffer) => (text += d.toString()));
    socket.on("close", () => resolve({ text, closedAfterMs: Date.now() - started }));
    socket.on("error", () => undefined);
    socket.write(bytes);
  });
}

describe("ProxyHttpServer", () => {
  it("answers 408 to a head that does not arrive in time, then closes", async () => {
    const r = await openAndWait("GET / HTTP/1.1\r\nHost: a\r\nX-Slow: ");
    expect(statuses(r.text)).toEqual([408]);
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(1000);
    expect(r.closedAfterMs).toBeLessThan(4000);
  });

  it("closes a keep-alive connection left idle after its response", async () => {
    const r = await openAndWait("GET /first HTTP/1.1\r\nHost: a\r\n\r\n");
    expect(r.text).toContain("ok /first");
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(1500);
    expect(r.closedAfterMs).toBeLessThan(4500);
  });

  it("closes a connection that only sends empty lines at the idle timeout", async () => {
    const r = await new Promise<{ closed: boolean; text: string }>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      let text = "";
      // Far past the 1.5 s idle timeout: without a close by then, the empty lines kept it open.
      const give = setTimeout(() => finish(false), 8000);
      const drip = setInterval(() => socket.write("\r\n"), 100);
      const finish = (closed: boolean) => {
        clearTimeout(give);
        clearInterval(drip);
        socket.destroy();
        resolve({ closed, text });
      };
      socket.on("data", (d: Buffer) => (text += d.toString()));
      socket.on("close", () => finish(true));
      socket.on("error", () => undefined);
    });
    expect(r).toEqual({ closed: true, text: "" });
  });

  it("answers 503 to a connection past the cap, and accepts again once one closes", async () => {
    const capped = new ProxyHttpServer({ onRequest: (x) => x.reply(200, "ok"), keepAliveTimeoutMs: 60_000, headersTimeoutMs: 60_000, maxConnections: 2 });
    const cport = await capped.listen(0, "127.0.0.1");
    try {
      const held = [net.connect(cport, "127.0.0.1"), net.connect(cport, "127.0.0.1")];
      for (const s of held) s.on("error", () => undefined);
      await until(() => capped.open === 2);
      const refused = await rawExchange(cport, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
      expect(statuses(refused)).toEqual([503]);
      expect(refused).toMatch(/2 open client connections, its limit/);
      (held[0] as net.Socket).destroy();
      await until(() => capped.open === 1);
      expect(statuses(await rawExchange(cport, "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"))).toEqual([200]);
      (held[1] as net.Socket).destroy();
    } finally {
      await capped.close();
    }
  });

  it("keeps a body that arrives before it is read, and hands it over in order", async () => {
    const reply = await rawExchange(port, "POST /late-reader HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhello world");
    expect(statuses(reply)).toEqual([200]);
    expect(reply).toContain("read hello world");
  });
});

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(cond()).toBe(true);
}
