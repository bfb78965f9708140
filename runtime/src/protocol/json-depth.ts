/** No AWS input these APIs take nests anywhere near this deep. */
export const MAX_JSON_DEPTH = 64;

/**
 * True when a JSON text nests arrays/objects deeper than `max`. One linear pass over the bytes, run before
 * JSON.parse, whose cost on pathological nesting (and the validator walking the result) would stall the
 * event loop the data plane shares.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** JSON.parse that refuses excessive nesting first (throws like JSON.parse does on bad input). */
export function parseBoundedJson(text: string): unknown {
  if (jsonTooDeep(text)) throw new SyntaxError(`JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
  return JSON.parse(text);
}
