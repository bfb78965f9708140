// CSRF defence in depth (Next also checks Server Action origins): a browser POST whose
// Origin names another host is refused. Requests without Origin come from non-browsers.
import type { RequestMeta } from "@/lib/auth/request-meta";

export function isCrossOrigin(meta: Pick<RequestMeta, "origin" | "host">): boolean {
  if (!meta.origin) return false;
  if (meta.origin === "null") return true;
  try {
    return new URL(meta.origin).host.toLowerCase() !== (meta.host ?? "").toLowerCase();
  } catch {
    return true;
  }
}
