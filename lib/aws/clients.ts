// One SDK client per (connection, region, client kind), cached on globalThis.
// A connection is an endpoint (only for local runtimes), a region and credentials; the
// same code paths serve real AWS and the local runtime.
import "server-only";
import { cookies } from "next/headers";
import { AppRunnerClient, type AppRunnerClientConfig } from "@aws-sdk/client-apprunner";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { getConnection, listConnections, loadConnectionSecret } from "@/lib/connections/connections";
import type { ConnectionView } from "@/lib/connections/connection-view";

export const CONNECTION_COOKIE = "runway_connection";
export const REGION_COOKIE = "runway_region";

export type AwsContextErrorCode = "no_connection" | "connection_not_found" | "unknown_region";

export class AwsContextError extends Error {
  constructor(
    message: string,
    public readonly code: AwsContextErrorCode,
  ) {
    super(message);
    this.name = "AwsContextError";
  }
}

export interface AwsContext {
  connection: ConnectionView;
  region: string;
}

/** The current connection + region: cookies first, else the first connection and its default region. */
export async function getAwsContext(): Promise<AwsContext> {
  const ctx = await getAwsContextOrNull();
  if (!ctx) throw new AwsContextError("No connection is configured. An admin can add one under Connections.", "no_connection");
  return ctx;
}

export async function getAwsContextOrNull(): Promise<AwsContext | null> {
  const jar = await cookies();
  const connections = await listConnections();
  const wanted = jar.get(CONNECTION_COOKIE)?.value;
  const connection = connections.find((c) => c.id === wanted) ?? connections[0];
  if (!connection) return null;
  const cookieRegion = jar.get(REGION_COOKIE)?.value;
  const region = cookieRegion && connection.regions.includes(cookieRegion) ? cookieRegion : connection.defaultRegion;
  return { connection, region };
}

type Kind = "apprunner" | "cloudwatch" | "logs";
type ClientFor<K extends Kind> = K extends "apprunner" ? AppRunnerClient : K extends "cloudwatch" ? CloudWatchClient : CloudWatchLogsClient;

const globalForClients = globalThis as unknown as { runwayAwsClients?: Map<string, { client: unknown; version: string }> };
const cache = (globalForClients.runwayAwsClients ??= new Map());
/** Connections x regions x 3 kinds stays far below this; the bound is for what should never happen. */
export const MAX_CACHED_CLIENTS = 64;

type Credentials = NonNullable<AppRunnerClientConfig["credentials"]>;

async function credentialsFor(c: ConnectionView, region: string): Promise<Credentials> {
  let base: Credentials;
  if (c.credentialType === "static") {
    const secretAccessKey = await loadConnectionSecret(c.id);
    if (!c.accessKeyId || !secretAccessKey) throw new AwsContextError(`Connection "${c.name}" has no stored keys`, "connection_not_found");
    base = { accessKeyId: c.accessKeyId, secretAccessKey };
  } else if (c.credentialType === "profile") {
    base = fromIni({ profile: c.profile ?? undefined });
  } else {
    base = fromNodeProviderChain();
  }
  if (!c.roleArn) return base;
  return fromTemporaryCredentials({
    params: { RoleArn: c.roleArn, RoleSessionName: "runway-console" },
    masterCredentials: base,
    clientConfig: { region, ...(c.kind === "local" && c.endpoint ? { endpoint: c.endpoint } : {}) },
  });
}

async function clientFor<K extends Kind>(kind: K, connectionId: string, region: string): Promise<ClientFor<K>> {
  const c = await getConnection(connectionId);
  if (!c) throw new AwsContextError("That connection no longer exists", "connection_not_found");
  // Regions come from URLs and cookies: only the connection's own make a client.
  if (!c.regions.includes(region)) throw new AwsContextError(`Region ${region} is not one of the regions of connection "${c.name}"`, "unknown_region");
  const key = `${kind}:${connectionId}:${region}`;
  const hit = cache.get(key);
  if (hit && hit.version === c.updatedAt) {
    // Map order is insertion order: re-inserting keeps the least recently used first.
    cache.delete(key);
    cache.set(key, hit);
    return hit.client as ClientFor<K>;
  }
  (hit?.client as { destroy?: () => void } | undefined)?.destroy?.();
  cache.delete(key);
  while (cache.size >= MAX_CACHED_CLIENTS) {
    const [oldest, entry] = cache.entries().next().value as [string, { client: unknown }];
    (entry.client as { destroy?: () => void }).destroy?.();
    cache.delete(oldest);
  }
  const config = {
    region,
    credentials: await credentialsFor(c, region),
    // Only local runtimes override the endpoint; real AWS uses the SDK's regional endpoints.
    ...(c.kind === "local" && c.endpoint ? { endpoint: c.endpoint } : {}),
    maxAttempts: 4,
    retryMode: "adaptive",
  };
  const client = kind === "apprunner" ? new AppRunnerClient(config) : kind === "cloudwatch" ? new CloudWatchClient(config) : new CloudWatchLogsClient(config);
  cache.set(key, { client, version: c.updatedAt });
  return client as ClientFor<K>;
}

export const appRunnerClient = (connectionId: string, region: string) => clientFor("apprunner", connectionId, region);
export const cloudWatchClient = (connectionId: string, region: string) => clientFor("cloudwatch", connectionId, region);
export const cloudWatchLogsClient = (connectionId: string, region: string) => clientFor("logs", connectionId, region);

/** How many SDK clients are cached (tests). */
export function cachedClientCount(): number {
  return cache.size;
}

/** Drops cached clients of a connection (after edit or delete). */
export function forgetClients(connectionId: string): void {
  for (const [key, entry] of cache) {
    if (key.split(":")[1] === connectionId) {
      (entry.client as { destroy?: () => void }).destroy?.();
      cache.delete(key);
    }
  }
}
