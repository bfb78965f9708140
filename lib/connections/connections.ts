// Server-only data layer for connections. Secrets go in encrypted and come out only
// through loadConnectionSecret (used by the AWS client factory), never in a view.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { ActionError } from "@/lib/actions/action-result";
import { toConnectionView, type ConnectionView } from "@/lib/connections/connection-view";
import type { ConnectionInput } from "@/lib/connections/connection-schema";

export const LOCAL_CONNECTION_NAME = "Local runtime";
export const LOCAL_REGIONS = ["us-east-1", "us-west-2", "eu-west-1"];
export const LOCAL_ACCESS_KEY_ID = "runway";
const LOCAL_SECRET = "runway-local";

const withSecret = { omit: { encryptedSecret: false } } as const;

export async function listConnections(): Promise<ConnectionView[]> {
  await ensureLocalConnection();
  const rows = await db.connection.findMany({ ...withSecret, orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
  return rows.map((r) => toConnectionView(r, !!r.encryptedSecret));
}

export async function getConnection(id: string): Promise<ConnectionView | null> {
  const row = await db.connection.findUnique({ ...withSecret, where: { id } });
  return row ? toConnectionView(row, !!row.encryptedSecret) : null;
}

/** The decrypted secret access key, for building SDK credentials on the server. */
export async function loadConnectionSecret(id: string): Promise<string | null> {
  const row = await db.connection.findUnique({ where: { id }, select: { encryptedSecret: true } });
  return row?.encryptedSecret ? decryptSecret(row.encryptedSecret) : null;
}

function columns(input: ConnectionInput) {
  return {
    name: input.name,
    kind: input.kind,
    endpoint: input.endpoint ?? null,
    regions: JSON.stringify(input.regions),
    defaultRegion: input.defaultRegion ?? input.regions[0] ?? "us-east-1",
    credentialType: input.credentialType,
    profile: input.credentialType === "profile" ? (input.profile ?? null) : null,
    roleArn: input.roleArn ?? null,
    accessKeyId: input.credentialType === "static" ? (input.accessKeyId ?? null) : null,
  };
}

async function assertNameFree(name: string, exceptId?: string) {
  const clash = await db.connection.findUnique({ where: { name }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw new ActionError("A connection with this name already exists", "conflict", { name: ["Already used by another connection"] });
}

export async function createConnection(input: ConnectionInput): Promise<ConnectionView> {
  await assertNameFree(input.name);
  if (input.credentialType === "static" && !input.secretAccessKey) {
    throw new ActionError("Secret access key is required for static keys", "validation", { secretAccessKey: ["Required for static keys"] });
  }
  const row = await db.connection.create({
    data: {
      ...columns(input),
      encryptedSecret: input.credentialType === "static" && input.secretAccessKey ? encryptSecret(input.secretAccessKey) : null,
    },
  });
  return toConnectionView(row, input.credentialType === "static");
}

export async function updateConnection(id: string, input: ConnectionInput): Promise<ConnectionView> {
  const existing = await db.connection.findUnique({ ...withSecret, where: { id } });
  if (!existing) throw new ActionError("That connection no longer exists", "not_found");
  await assertNameFree(input.name, id);
  let encryptedSecret: string | null = null;
  if (input.credentialType === "static") {
    encryptedSecret = input.secretAccessKey ? encryptSecret(input.secretAccessKey) : existing.encryptedSecret;
    if (!encryptedSecret) throw new ActionError("Secret access key is required for static keys", "validation", { secretAccessKey: ["Required for static keys"] });
  }
  const row = await db.connection.update({ where: { id }, data: { ...columns(input), encryptedSecret } });
  return toConnectionView(row, !!encryptedSecret);
}

export async function deleteConnection(id: string): Promise<ConnectionView> {
  const existing = await getConnection(id);
  if (!existing) throw new ActionError("That connection no longer exists", "not_found");
  await db.connection.delete({ where: { id } });
  return existing;
}

const globalForLocal = globalThis as unknown as { runwayLocalEnsured?: Promise<void>; runwayLocalUrl?: string };

/**
 * Keeps the ready-made "Local runtime" connection in step with RUNWAY_LOCAL_RUNTIME_URL.
 * Idempotent; runs once per process (and again if the URL changes).
 */
export function ensureLocalConnection(): Promise<void> {
  const url = env.RUNWAY_LOCAL_RUNTIME_URL;
  if (!url) return Promise.resolve();
  // Once per runtime URL and database (tests switch databases within one process).
  const key = `${url} ${env.databaseUrl}`;
  if (globalForLocal.runwayLocalEnsured && globalForLocal.runwayLocalUrl === key) return globalForLocal.runwayLocalEnsured;
  globalForLocal.runwayLocalUrl = key;
  globalForLocal.runwayLocalEnsured = (async () => {
    const existing = await db.connection.findUnique({ where: { name: LOCAL_CONNECTION_NAME } });
    if (!existing) {
      await db.connection
        .create({
          data: {
            name: LOCAL_CONNECTION_NAME,
            kind: "local",
            endpoint: url,
            regions: JSON.stringify(LOCAL_REGIONS),
            defaultRegion: "us-east-1",
            credentialType: "static",
            accessKeyId: LOCAL_ACCESS_KEY_ID,
            encryptedSecret: encryptSecret(LOCAL_SECRET),
          },
        })
        .catch(() => undefined); // a concurrent request created it first
    } else if (existing.kind === "local" && existing.endpoint !== url) {
      await db.connection.update({ where: { id: existing.id }, data: { endpoint: url } });
    }
  })().catch((err: unknown) => {
    globalForLocal.runwayLocalEnsured = undefined;
    console.error("[connections] could not ensure the local runtime connection:", err);
  });
  return globalForLocal.runwayLocalEnsured;
}
