import { NextResponse, type NextRequest } from "next/server";

// Optimistic gate only: no session cookie -> sign-in. The real checks (session validity,
// expiry, role) run on the server in every page and action.
const PUBLIC = ["/sign-in", "/setup"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Pages learn their own path from this header (for the audit trail of denied pages).
  const headers = new Headers(request.headers);
  headers.set("x-runway-pathname", pathname);
  const pass = () => NextResponse.next({ request: { headers } });
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return pass();
  if (request.cookies.has("runway_session")) return pass();
  // Server Action POSTs carry their own auth check and must get an action response, not a redirect.
  if (request.method !== "GET" && request.method !== "HEAD") return pass();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)"],
};
