// Operations (deployments, updates, pauses, ...) as markers on the metric charts' time axis.

export interface MarkerOperation {
  id: string;
  type: string;
  status: string;
  startedAt?: string;
  endedAt?: string;
}

export interface OperationMarker {
  id: string;
  /** epoch ms where the marker stands: when the operation started */
  at: number;
  endedAt?: number;
  type: string;
  status: string;
  /** who started it from Runway (audit history); absent for operations started elsewhere */
  startedBy?: string;
  label: string;
}

const typeLabel = (type: string) => type.toLowerCase().replace(/_/g, " ");

/** Markers for the operations that started inside [start, end], oldest first. */
export function operationMarkers(ops: readonly MarkerOperation[], window: { start: number; end: number }, startedBy: ReadonlyMap<string, string> = new Map()): OperationMarker[] {
  const out: OperationMarker[] = [];
  for (const o of ops) {
    const at = o.startedAt ? Date.parse(o.startedAt) : NaN;
    if (!Number.isFinite(at) || at < window.start || at > window.end) continue;
    const ended = o.endedAt ? Date.parse(o.endedAt) : NaN;
    const who = startedBy.get(o.id);
    out.push({
      id: o.id,
      at,
      ...(Number.isFinite(ended) ? { endedAt: ended } : {}),
      type: o.type,
      status: o.status,
      ...(who ? { startedBy: who } : {}),
      label: `${typeLabel(o.type)} · ${o.status.toLowerCase().replace(/_/g, " ")}${who ? ` · by ${who}` : ""}`,
    });
  }
  return out.sort((a, b) => a.at - b.at);
}
