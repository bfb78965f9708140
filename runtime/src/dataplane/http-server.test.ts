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
    onUpgrade: (_head, socket) => socket.destroy(),
    keepAliveTimeoutMs: 1500,
    headersTimeoutMs: 1000,
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

  it("keeps a body that arrives before it is read, and hands it over in order", async () => {
    const reply = await rawExchange(port, "POST /late-reader HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhello world");
    expect(statuses(reply)).toEqual([200]);
    expect(reply).toContain("read hello world");
  });
});
