import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, NONCE_HEADER } from "@/lib/security/content-security-policy";

// Optimistic gate only: no session cookie -> sign-in. The real checks (session validity,
// expiry, role) run on the server in every page and action.
const PUBLIC = ["/sign-in", "/setup"];
// Inlined by Next at build time: `next dev` needs a looser script policy than `next start`.
const dev = process.env.NODE_ENV !== "production";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev });
  // Pages learn their own path from this header (for the audit trail of denied pages).
  const headers = new Headers(request.headers);
  headers.set("x-runway-pathname", pathname);
  // Next reads the nonce from the request's CSP and puts it on its own scripts; the root
  // layout reads x-nonce for ours.
  headers.set("content-security-policy", csp);
  headers.set(NONCE_HEADER, nonce);
  const withCsp = (response: NextResponse) => {
    response.headers.set("content-security-policy", csp);
    return response;
  };
  const pass = () => withCsp(NextResponse.next({ request: { headers } }));
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return pass();
  if (request.cookies.has("runway_session")) return pass();
  // Server Action POSTs carry their own auth check and must get an action response, not a redirect.
  if (request.method !== "GET" && request.method !== "HEAD") return pass();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return withCsp(NextResponse.redirect(url));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)"],
};
