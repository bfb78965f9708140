// The console's Content-Security-Policy, built per request around a fresh nonce (proxy.ts).
// Scripts: only ours, carrying the nonce; 'strict-dynamic' lets Next's bootstrap load its
// chunks. Styles allow inline attributes because React and recharts render style="" (a nonce
// would switch 'unsafe-inline' off), but no other origin. No framing, no plugins, forms and
// <base> only to ourselves. Pure: no I/O, safe in the proxy bundle.
export const NONCE_HEADER = "x-nonce";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's dev build evaluates code for its overlay and stack traces; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
