// Where to go after sign-in (?next=). Only a path on this console: browsers strip tabs and
// newlines from URLs and read "\" as "/", so "/\t/evil.example" or "/\\evil.example" would
// otherwise become the protocol-relative "//evil.example". The answer is rebuilt from what a
// URL parser resolved against a throwaway origin, so what we redirect to is what we checked.
const BASE = "http://runway.invalid";

export function safeNextPath(next: string | undefined | null): string | null {
  if (!next || !next.startsWith("/")) return null;
  // Control characters, spaces and backslashes never appear in our own links.
  if (/[\u0000-\u0020\u007f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/%2F/evil.example" stays a path here, but keep what we hand out unambiguous anyway.
  if (path.startsWith("//")) return null;
  return path;
}
