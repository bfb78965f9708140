// Image services need a Docker Engine. It is found the way the docker CLI
// finds it (DOCKER_HOST, else the default socket) and checked with GET /_ping.
import http from "node:http";

export const DEFAULT_DOCKER_SOCKET = "/var/run/docker.sock";

export interface EngineCheck {
  ok: boolean;
  /** Where it looked, e.g. "unix:///var/run/docker.sock (ENOENT)". */
  checked: string;
}

function ping(options: http.RequestOptions, label: string, timeoutMs: number): Promise<EngineCheck> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean, detail: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ok, checked: `${label} (${detail})` });
    };
    const req = http.get({ ...options, path: "/_ping", agent: false }, (res) => {
      res.resume();
      done(res.statusCode === 200, `HTTP ${res.statusCode}`);
    });
    const timer = setTimeout(() => done(false, `no answer within ${timeoutMs} ms`), timeoutMs);
    req.once("error", (err: NodeJS.ErrnoException) => done(false, err.code ?? err.message));
  });
}

export async function checkContainerEngine(env: NodeJS.ProcessEnv = process.env, timeoutMs = 2000): Promise<EngineCheck> {
  const host = env.DOCKER_HOST?.trim();
  if (!host) return ping({ socketPath: DEFAULT_DOCKER_SOCKET }, `unix://${DEFAULT_DOCKER_SOCKET}`, timeoutMs);
  if (host.startsWith("unix://")) return ping({ socketPath: host.slice("unix://".length) }, host, timeoutMs);
  if (host.startsWith("tcp://")) {
    const url = new URL(host.replace(/^tcp:/, "http:"));
    return ping({ host: url.hostname, port: Number(url.port) || 2375 }, host, timeoutMs);
  }
  return { ok: false, checked: `DOCKER_HOST=${host} (unsupported scheme; use unix:// or tcp://)` };
}

export function noEngineMessage(check: EngineCheck): string {
  return `No container engine reachable: image services need a Docker Engine (set DOCKER_HOST or start dockerd). Checked: ${check.checked}`;
}

/** `docker run` arguments for one instance: the image's port published on a loopback port. */
export function dockerRunArgs(opts: {
  containerName: string;
  hostPort: number;
  containerPort: number;
  env: Record<string, string>;
  image: string;
  startArgs: string[];
}): string[] {
  const args = ["run", "--rm", "--name", opts.containerName, "-p", `127.0.0.1:${opts.hostPort}:${opts.containerPort}`];
  for (const [k, v] of Object.entries(opts.env)) args.push("-e", `${k}=${v}`);
  args.push("--", opts.image, ...opts.startArgs);
  return args;
}
