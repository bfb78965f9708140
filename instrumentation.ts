// Runs once when the console's server process starts (Next.js instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The client address must come from the socket; see lib/net/peer-stamp.ts for why this hook.
  const { installPeerStamp } = await import("@/lib/net/peer-stamp");
  installPeerStamp();
}
