// Who is calling: client IP, user agent, whether the request came over https.
import { headers } from "next/headers";

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  secure: boolean;
  host: string | null;
  origin: string | null;
}

export function metaFromHeaders(h: Headers): RequestMeta {
  // The first X-Forwarded-For hop is the client as seen by the nearest proxy (Next sets it when alone).
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const raw = forwarded || h.get("x-real-ip") || null;
  // IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d; store the plain address.
  const ip = raw?.startsWith("::ffff:") && raw.includes(".") ? raw.slice(7) : raw;
  return {
    ip,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    secure: h.get("x-forwarded-proto") === "https",
    host: h.get("x-forwarded-host") ?? h.get("host"),
    origin: h.get("origin"),
  };
}

export async function requestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}
