// Health probes as App Runner runs them: TCP (a connection opens) or HTTP
// (GET on the configured path answers 2xx), each bounded by the timeout.
import http from "node:http";
import net from "node:net";
import type { HealthCheck } from "./app-config.js";

export interface ProbeResult {
  ok: boolean;
  detail: string;
}

export function probe(host: string, port: number, check: HealthCheck): Promise<ProbeResult> {
  return check.protocol === "HTTP" ? probeHttp(host, port, check.path, check.timeoutMs) : probeTcp(host, port, check.timeoutMs);
}

function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: ProbeResult) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done({ ok: false, detail: `no connection within ${timeoutMs} ms` }), timeoutMs);
    socket.once("connect", () => done({ ok: true, detail: "connected" }));
    socket.once("error", (err: NodeJS.ErrnoException) => done({ ok: false, detail: err.code ?? err.message }));
  });
}

function probeHttp(host: string, port: number, path: string, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const req = http.get({ host, port, path, agent: false, headers: { "user-agent": "Runway-HealthCheck", connection: "close" } }, (res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      done({ ok: status >= 200 && status < 300, detail: `HTTP ${status}` });
    });
    const timer = setTimeout(() => done({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    req.once("error", (err: NodeJS.ErrnoException) => done({ ok: false, detail: err.code ?? err.message }));
  });
}

/** App Runner's wording, used in the service log. */
export function describeCheck(check: HealthCheck, port: number): string {
  return check.protocol === "HTTP" ? `protocol \`HTTP\`[Path: '${check.path}'], [Port: '${port}']` : `protocol \`TCP\` [Port: '${port}']`;
}
