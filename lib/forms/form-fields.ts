// zod building blocks for values that arrive from FormData (strings, "on", repeated keys)
// as well as from plain objects, so one schema serves the form and the action.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";

/** "" and whitespace become undefined. */
export const optionalText = (max = 500) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), z.string().max(max).optional());

export const requiredText = (label: string, max = 200) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: `${label} is required` }).min(1, `${label} is required`).max(max, `${label} is too long (max ${max})`));

/** Checkbox: "on"/"true"/true are true; absent is false. */
export const checkbox = () => z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A list from repeated form keys, a comma/space/newline separated string, or an array. */
export const stringList = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((v) => {
    const parts = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[\s,]+/) : v === undefined ? [] : v;
    return Array.isArray(parts) ? [...new Set(parts.map((p) => String(p).trim()).filter(Boolean))] : parts;
  }, z.array(item));
