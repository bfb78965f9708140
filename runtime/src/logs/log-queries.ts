import { compareKey, upperBound, type EventKey, type LogStore, type StoredEvent, type StoredGroup } from "./log-store.js";

/** A request the caller got wrong; the API maps it to InvalidParameterException / ResourceNotFoundException. */
export class LogQueryError extends Error {
  constructor(
    readonly code: "InvalidParameterException" | "ResourceNotFoundException",
    message: string,
  ) {
    super(message);
  }
}

const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface GroupPage {
  logGroups: { logGroupName: string; creationTime: number; storedBytes: number; metricFilterCount: number }[];
  nextToken?: string;
}

export function describeLogGroups(store: LogStore, q: { prefix?: string; pattern?: string; limit?: number; nextToken?: string }): GroupPage {
  const limit = q.limit ?? 50;
  const after = q.nextToken ? decodeToken(q.nextToken) : undefined;
  const names = [...store.groups.keys()]
    .filter((n) => (!q.prefix || n.startsWith(q.prefix)) && (!q.pattern || n.toLowerCase().includes(q.pattern.toLowerCase())))
    .sort()
    .filter((n) => after === undefined || n > after);
  const page = names.slice(0, limit);
  const groups = page.map((n) => {
    const g = store.groups.get(n) as StoredGroup;
    return { logGroupName: n, creationTime: g.creationTime, storedBytes: g.bytes, metricFilterCount: 0 };
  });
  return { logGroups: groups, ...(names.length > limit ? { nextToken: encodeToken(page[page.length - 1] as string) } : {}) };
}

export interface StreamSummary {
  logStreamName: string;
  creationTime: number;
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime: number;
  storedBytes: number;
}

export function describeLogStreams(
  store: LogStore,
  q: { group: string; prefix?: string; orderBy?: string; descending?: boolean; limit?: number; nextToken?: string },
): { logStreams: StreamSummary[]; nextToken?: string } {
  const group = requireGroup(store, q.group);
  const byTime = q.orderBy === "LastEventTime";
  if (byTime && q.prefix) throw new LogQueryError("InvalidParameterException", "Cannot order by LastEventTime with a logStreamNamePrefix.");
  const limit = q.limit ?? 50;
  const offset = q.nextToken ? Number(decodeToken(q.nextToken)) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new LogQueryError("InvalidParameterException", "The specified nextToken is invalid.");
  const all = [...group.streams.values()]
    .filter((s) => !q.prefix || s.name.startsWith(q.prefix))
    .map((s): StreamSummary => {
      const first = s.events[0];
      const last = s.events[s.events.length - 1];
      return {
        logStreamName: s.name,
        creationTime: s.creationTime,
        ...(first ? { firstEventTimestamp: first.timestamp } : {}),
        ...(last ? { lastEventTimestamp: last.timestamp } : {}),
        lastIngestionTime: s.lastIngestionTime,
        storedBytes: 0,
      };
    });
  const sortKey = (s: StreamSummary) => s.lastEventTimestamp ?? s.creationTime;
  all.sort((a, b) => (byTime ? sortKey(a) - sortKey(b) : 0) || (a.logStreamName < b.logStreamName ? -1 : a.logStreamName > b.logStreamName ? 1 : 0));
  if (q.descending) all.reverse();
  const page = all.slice(offset, offset + limit);
  const next = offset + page.length;
  return { logStreams: page, ...(next < all.length ? { nextToken: encodeToken(String(next)) } : {}) };
}

export interface OutEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

/** GetLogEvents with CloudWatch's token semantics: at the end of the stream the same token comes back. */
export function getLogEvents(
  store: LogStore,
  q: { group: string; stream: string; startTime?: number; endTime?: number; startFromHead?: boolean; limit?: number; nextToken?: string },
): { events: OutEvent[]; nextForwardToken: string; nextBackwardToken: string } {
  const group = requireGroup(store, q.group);
  const stream = group.streams.get(q.stream);
  if (!stream) throw new LogQueryError("ResourceNotFoundException", "The specified log stream does not exist.");
  const limit = q.limit ?? 10000;
  let lo = q.startTime !== undefined ? upperBound(stream.events, { timestamp: q.startTime, seq: 0 }, true) : 0;
  let hi = q.endTime !== undefined ? upperBound(stream.events, { timestamp: q.endTime, seq: 0 }, true) : stream.events.length;
  let forward = q.startFromHead === true;
  if (q.nextToken) {
    const parsed = parseStreamToken(q.nextToken);
    forward = parsed.forward;
    if (forward) lo = Math.max(lo, upperBound(stream.events, parsed.key));
    else hi = Math.min(hi, upperBound(stream.events, parsed.key, true));
  }
  let slice: StoredEvent[] = [];
  if (hi > lo) slice = forward ? stream.events.slice(lo, Math.min(hi, lo + limit)) : stream.events.slice(Math.max(lo, hi - limit), hi);
  slice = capBytes(slice, forward);
  const first = slice[0];
  const last = slice[slice.length - 1];
  const fallback = q.nextToken ?? "f/0/0";
  return {
    events: slice.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
    nextForwardToken: last ? `f/${last.timestamp}/${last.seq}` : forwardOf(fallback),
    nextBackwardToken: first ? `b/${first.timestamp}/${first.seq}` : backwardOf(fallback),
  };
}

export interface FilteredEvent extends OutEvent {
  logStreamName: string;
  eventId: string;
}

type Hit = FilteredEvent & { seq: number };

export function filterLogEvents(
  store: LogStore,
  q: { group: string; streamNames?: string[]; streamPrefix?: string; startTime?: number; endTime?: number; pattern?: string; limit?: number; nextToken?: string },
): { events: FilteredEvent[]; nextToken?: string } {
  const group = requireGroup(store, q.group);
  if (q.streamNames?.length && q.streamPrefix) {
    throw new LogQueryError("InvalidParameterException", "logStreamNames and logStreamNamePrefix cannot both be specified.");
  }
  const match = compileFilterPattern(q.pattern ?? "");
  const limit = q.limit ?? 10000;
  const after: EventKey | undefined = q.nextToken ? parseKey(decodeToken(q.nextToken)) : undefined;
  const found: Hit[] = [];
  let truncated = false;
  for (const stream of group.streams.values()) {
    if (q.streamNames?.length && !q.streamNames.includes(stream.name)) continue;
    if (q.streamPrefix && !stream.name.startsWith(q.streamPrefix)) continue;
    const ev = stream.events;
    let i = q.startTime !== undefined ? upperBound(ev, { timestamp: q.startTime, seq: 0 }, true) : 0;
    if (after) i = Math.max(i, upperBound(ev, after));
    let taken = 0;
    for (; i < ev.length; i++) {
      const e = ev[i] as StoredEvent;
      if (q.endTime !== undefined && e.timestamp > q.endTime) break;
      if (!match(e.message)) continue;
      if (taken === limit) {
        truncated = true;
        break;
      }
      taken++;
      found.push({ logStreamName: stream.name, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: `${e.timestamp}${String(e.seq).padStart(12, "0")}`, seq: e.seq });
    }
  }
  found.sort(compareKey);
  let page = found.slice(0, limit);
  if (found.length > limit) truncated = true;
  const capped = capBytes(page, true);
  if (capped.length < page.length) truncated = true;
  page = capped;
  const last = page[page.length - 1];
  const events = page.map((e) => ({ logStreamName: e.logStreamName, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: e.eventId }));
  return { events, ...(truncated && last ? { nextToken: encodeToken(`${last.timestamp}/${last.seq}`) } : {}) };
}

/**
 * CloudWatch's plain-term filter syntax: every term must appear (case-sensitive), "quoted phrases" match
 * as a whole, a term prefixed with `-` must not appear, and `?a ?b` matches when any of them appears.
 */
export function compileFilterPattern(pattern: string): (message: string) => boolean {
  const p = pattern.trim();
  if (!p) return () => true;
  if (p.startsWith("{") || p.startsWith("[") || p.startsWith("%")) {
    throw new LogQueryError("InvalidParameterException", "JSON, space-delimited and regex filter patterns are not supported by the local runtime; use plain terms or quoted phrases.");
  }
  const must: string[] = [];
  const not: string[] = [];
  const any: string[] = [];
  for (const m of p.matchAll(/([-?]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)) {
    const term = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "");
    if (!term) continue;
    if (m[1] === "-") not.push(term);
    else if (m[1] === "?") any.push(term);
    else must.push(term);
  }
  return (msg) => must.every((t) => msg.includes(t)) && !not.some((t) => msg.includes(t)) && (!any.length || any.some((t) => msg.includes(t)));
}

function requireGroup(store: LogStore, name: string): StoredGroup {
  const group = store.getGroup(name);
  if (!group) throw new LogQueryError("ResourceNotFoundException", "The specified log group does not exist.");
  return group;
}

function capBytes<T extends { message: string }>(events: T[], keepHead: boolean): T[] {
  let bytes = 0;
  const out: T[] = [];
  const ordered = keepHead ? events : [...events].reverse();
  for (const e of ordered) {
    bytes += Buffer.byteLength(e.message) + 26;
    if (bytes > MAX_RESPONSE_BYTES && out.length) break;
    out.push(e);
  }
  return keepHead ? out : out.reverse();
}

function parseStreamToken(token: string): { forward: boolean; key: EventKey } {
  const m = /^([fb])\/(-?\d+)\/(\d+)$/.exec(token);
  if (!m) throw new LogQueryError("InvalidParameterException", "The specified nextToken is invalid.");
  return { forward: m[1] === "f", key: { timestamp: Number(m[2]), seq: Number(m[3]) } };
}

function forwardOf(token: string): string {
  return token.startsWith("b/") ? `f/${token.slice(2)}` : token;
}

function backwardOf(token: string): string {
  return token.startsWith("f/") ? `b/${token.slice(2)}` : token;
}

function parseKey(text: string): EventKey {
  const m = /^(-?\d+)\/(\d+)$/.exec(text);
  if (!m) throw new LogQueryError("InvalidParameterException", "The specified nextToken is invalid.");
  return { timestamp: Number(m[1]), seq: Number(m[2]) };
}

function encodeToken(text: string): string {
  return Buffer.from(text).toString("base64url");
}

function decodeToken(token: string): string {
  return Buffer.from(token, "base64url").toString();
}
