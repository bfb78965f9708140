// Pure shaping of log lines for reading: one order, each event once, and who wrote it.
// Shared by the log viewer (browser) and its tests; no I/O.
import type { LogLine } from "./read-log-events";

/** App Runner writes a deployment's milestones to both `events` and `deployment/<id>`, a moment apart. */
const TWIN_WINDOW_MS = 2_000;

const kind = (l: LogLine) => (l.source === "application" ? "app" : l.stream.startsWith("deployment/") ? "deployment" : l.stream === "events" ? "events" : "other");

/**
 * Oldest first; a line already seen by id is dropped, and so is a service line whose twin (same
 * text, the other of events/deployment, within two seconds) is already there: the first one read stays.
 */
export function mergeLogLines(current: readonly LogLine[], incoming: readonly LogLine[], max = 2_000): LogLine[] {
  const all = [...current, ...incoming].sort((a, b) => a.timestamp - b.timestamp || a.id.localeCompare(b.id));
  const ids = new Set<string>();
  const recent = new Map<string, { at: number; kind: string }[]>();
  const out: LogLine[] = [];
  for (const l of all) {
    if (ids.has(l.id)) continue;
    ids.add(l.id);
    const k = kind(l);
    if (k === "events" || k === "deployment") {
      const seen = recent.get(l.message) ?? [];
      if (seen.some((s) => s.kind !== k && Math.abs(l.timestamp - s.at) <= TWIN_WINDOW_MS)) continue;
      seen.push({ at: l.timestamp, kind: k });
      recent.set(l.message, seen.filter((s) => l.timestamp - s.at <= TWIN_WINDOW_MS));
    }
    out.push(l);
  }
  return out.length > max ? out.slice(out.length - max) : out;
}

/** The short label in front of a line: the instance for application output, the stream for platform lines. */
export function lineOrigin(l: LogLine): { label: string; title: string; application: boolean } {
  if (l.source === "application") {
    const instance = l.stream.startsWith("instance/") ? l.stream.slice("instance/".length) : l.stream;
    return { label: `instance ${instance.slice(0, 8)}`, title: l.stream, application: true };
  }
  return { label: l.stream.startsWith("deployment/") ? "deployment" : l.stream, title: l.stream, application: false };
}
