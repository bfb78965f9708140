import { createHash, randomBytes } from "node:crypto";

/** 32 lower-case hex characters: App Runner's ServiceId, operation id and ARN suffix format. */
export function hexId(): string {
  return randomBytes(16).toString("hex");
}

export function serviceArn(region: string, account: string, name: string, id: string): string {
  return `arn:aws:apprunner:${region}:${account}:service/${name}/${id}`;
}

export function autoScalingArn(region: string, account: string, name: string, revision: number, id: string): string {
  return `arn:aws:apprunner:${region}:${account}:autoscalingconfiguration/${name}/${revision}/${id}`;
}

/** `<name lower-cased, '_' -> '-'>.<id>.localhost:<port>`: *.localhost resolves to loopback in browsers and curl. */
export function serviceHost(name: string, id: string): string {
  return `${name.toLowerCase().replace(/_/g, "-")}.${id}.localhost`;
}

export interface ParsedArn {
  region: string;
  account: string;
  resourceType: string;
  /** Path segments after the resource type, e.g. [name, id] for a service. */
  parts: string[];
}

export function parseArn(arn: string): ParsedArn | undefined {
  const m = /^arn:aws[\w-]*:apprunner:([^:]*):([^:]*):([a-z]+)\/(.+)$/.exec(arn);
  if (!m) return undefined;
  return { region: m[1] as string, account: m[2] as string, resourceType: m[3] as string, parts: (m[4] as string).split("/") };
}

/** Stable pseudo-random label for certificate validation records (same domain + service -> same record). */
export function validationLabel(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32);
}

/** Opaque pagination tokens: an offset into a stable ordering, bound to the listing that issued it. */
export function encodeToken(listing: string, offset: number): string {
  return Buffer.from(JSON.stringify({ l: listing, o: offset })).toString("base64url");
}

export function decodeToken(listing: string, token: string): number | undefined {
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { l?: unknown; o?: unknown };
    return v.l === listing && typeof v.o === "number" && Number.isInteger(v.o) && v.o >= 0 ? v.o : undefined;
  } catch {
    return undefined;
  }
}
