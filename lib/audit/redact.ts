// Turns a request into a summary safe to store: secrets masked, environment variables
// reduced to their names, long values cut. Pure, so it is unit-tested on its own.

const SECRET_KEY = /secret|passw|token|key|credential|authorization|cookie|signature/i;
const ENV_KEY = /^(env|environment|environmentvariables|runtimeenvironmentvariables|runtimeenvironmentsecrets|variables)$/i;
const MAX_STRING = 500;
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
export const REDACTED = "[redacted]";

export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof FormData !== "undefined" && value instanceof FormData) return redact(formDataToObject(value), depth);
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => redact(v, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>).slice(0, MAX_ITEMS)) {
      if (k.startsWith("$ACTION")) continue; // Next's internal form fields
      if (ENV_KEY.test(k)) out[k] = envNames(v);
      else if (SECRET_KEY.test(k) && !/^(accessKeyId|keyId|kmsKey)$/i.test(k)) out[k] = v === undefined || v === "" ? v : REDACTED;
      else out[k] = redact(v, depth + 1);
    }
    return out;
  }
  return String(value);
}

/** Environment variables: keep which names were set, never their values. */
function envNames(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (Array.isArray(v)) {
    return v.map((item) =>
      item && typeof item === "object" && "name" in item ? String((item as { name: unknown }).name) : typeof item === "string" ? item.split("=")[0] : REDACTED,
    );
  }
  if (typeof v === "object") return Object.keys(v as object);
  if (typeof v === "string") {
    // "A=1\nB=2" text areas
    return v.split(/\r?\n/).map((l) => l.split("=")[0]?.trim()).filter(Boolean);
  }
  return REDACTED;
}

export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) {
    const val = typeof v === "string" ? v : `[file ${v.name}]`;
    const prev = out[k];
    out[k] = prev === undefined ? val : Array.isArray(prev) ? [...prev, val] : [prev, val];
  }
  return out;
}

/** JSON of the redacted value, capped so one event cannot bloat the table. */
export function summarize(value: unknown, maxLength = 4000): string | null {
  if (value === undefined) return null;
  const json = JSON.stringify(redact(value));
  if (json === undefined) return null;
  return json.length > maxLength ? `${json.slice(0, maxLength)}…` : json;
}
