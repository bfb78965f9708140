// Zero-dependency web app for App Runner (and Runway's local runtime).
// Listens on $PORT (App Runner sets it), answers GET / with $MESSAGE.
import http from "node:http";

const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || "0.0.0.0";
const message = process.env.MESSAGE || "Hello from Runway";
const startedAt = new Date().toISOString();

function send(res, status, body, type = "text/plain; charset=utf-8") {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  switch (url.pathname) {
    case "/":
      return send(res, 200, `${message}\n`);
    case "/health":
      return send(res, 200, "ok\n");
    case "/info":
      // Per-instance details, so callers can tell instances apart.
      return send(res, 200, JSON.stringify({ message, pid: process.pid, startedAt, node: process.version }) + "\n", "application/json");
    case "/slow": {
      const ms = Math.min(Math.max(Number(url.searchParams.get("ms")) || 0, 0), 120_000);
      setTimeout(() => send(res, 200, `slept ${ms} ms\n`), ms);
      return;
    }
    case "/crash":
      console.error("crash requested: exiting with code 1");
      res.on("finish", () => process.exit(1));
      return send(res, 200, "crashing\n");
    default:
      return send(res, 404, "not found\n");
  }
});

server.listen(port, host, () => {
  console.log(`node-hello listening on ${host}:${port}`);
});

// Finish in-flight requests on SIGTERM, as App Runner expects during deployments.
process.on("SIGTERM", () => {
  console.log("SIGTERM received: closing");
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
});
