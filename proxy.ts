import { NextResponse, type NextRequest } from "next/server";

// Optimistic gate only: no session cookie -> sign-in. The real checks (session validity,
// expiry, role) run on the server in every page and action.
const PUBLIC = ["/sign-in", "/setup"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  if (request.cookies.has("runway_session")) return NextResponse.next();
  // Server Action POSTs carry their own auth check and must get an action response, not a redirect.
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)"],
};
