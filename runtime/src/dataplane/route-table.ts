import type { Route, RouteTable } from "../contracts.js";

/** Host name -> service route, in memory; the control plane rebuilds it on start from its own state. */
export class MemoryRouteTable implements RouteTable {
  private readonly routes = new Map<string, Route>();

  set(hostname: string, route: Route): void {
    this.routes.set(normalize(hostname), route);
  }

  delete(hostname: string): void {
    this.routes.delete(normalize(hostname));
  }

  /** `hostname` as normalize() returns it: the data plane normalizes the Host header once per request. */
  lookup(hostname: string): Route | undefined {
    return this.routes.get(hostname);
  }

  entries(): IterableIterator<[string, Route]> {
    return this.routes.entries();
  }
}

/** Host header value -> bare lower-case host name (port and trailing dot removed). */
export function normalize(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.lastIndexOf(":");
  if (colon !== -1) h = h.slice(0, colon);
  return h.endsWith(".") ? h.slice(0, -1) : h;
}
