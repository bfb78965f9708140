// The AWS query protocol as Debian's AWS CLI v2 speaks it to CloudWatch: form-encoded input with
// `.member.N` lists, XML output in the monitoring namespace.

export const XML_NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

/** `A.member.1.B=x&A.member.2.B=y` -> `{ A: [{ B: "x" }, { B: "y" }] }`; all leaf values stay strings. */
export function parseQueryForm(body: string): { action: string | undefined; version: string | undefined; input: Record<string, unknown> } {
  const params = new URLSearchParams(body);
  const input: Record<string, unknown> = {};
  let action: string | undefined;
  let version: string | undefined;
  for (const [key, value] of params) {
    if (key === "Action") action = value;
    else if (key === "Version") version = value;
    else setPath(input, key.split("."), value);
  }
  return { action, version, input: compactLists(input) as Record<string, unknown> };
}

function setPath(root: Record<string, unknown>, parts: string[], value: string): void {
  let node: Record<string, unknown> = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const last = i === parts.length - 1;
    if (part === "member" && i + 1 < parts.length) {
      // Lists become objects keyed by index first; compactLists turns them into arrays in index order.
      const idx = `#${parts[i + 1]}`;
      i++;
      if (i === parts.length - 1) {
        node[idx] = value;
        return;
      }
      node[idx] ??= {};
      node = node[idx] as Record<string, unknown>;
      continue;
    }
    if (last) {
      node[part] = value;
      return;
    }
    if (typeof node[part] !== "object" || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
}

function compactLists(node: unknown): unknown {
  if (!node || typeof node !== "object") return node;
  const obj = node as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length && keys.every((k) => k.startsWith("#"))) {
    return keys.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((k) => compactLists(obj[k]));
  }
  for (const k of keys) obj[k] = compactLists(obj[k]);
  return obj;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Arrays -> `<member>`, Map -> `<entry><key/><value/></entry>`, Date -> ISO-8601. */
function toXml(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join("");
  if (value instanceof Map) return [...value].map(([k, v]) => `<entry><key>${escapeXml(String(k))}</key><value>${toXml(v)}</value></entry>`).join("");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join("");
  }
  return escapeXml(String(value));
}

export function xmlResponse(action: string, result: unknown, requestId: string): string {
  return `<${action}Response xmlns="${XML_NS}"><${action}Result>${toXml(result)}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function xmlError(code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${XML_NS}"><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/** JSON encoding for the query-compatible JSON 1.0 mode: Date -> epoch seconds, Map -> object. */
export function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, toJsonValue(v)]));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toJsonValue(v)]));
  }
  return value;
}
