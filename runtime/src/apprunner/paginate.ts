import type { Json } from "../contracts.js";
import { AwsError } from "../protocol/json-response.js";
import { decodeToken, encodeToken } from "./ids.js";

/** One page of `items` from `NextToken`/`MaxResults`; tokens are bound to the listing that issued them. */
export function paginate<T>(items: T[], listing: string, input: Record<string, unknown>, defaultMax: number): { items: T[]; token: { NextToken?: Json } } {
  const max = typeof input.MaxResults === "number" ? input.MaxResults : defaultMax;
  let offset = 0;
  if (typeof input.NextToken === "string") {
    const decoded = decodeToken(listing, input.NextToken);
    if (decoded === undefined) throw new AwsError("InvalidRequestException", "The NextToken is not valid for this request. Use the NextToken from the previous page of the same listing.");
    offset = decoded;
  }
  const page = items.slice(offset, offset + max);
  const next = offset + max < items.length ? { NextToken: encodeToken(listing, offset + max) } : {};
  return { items: page, token: next };
}
