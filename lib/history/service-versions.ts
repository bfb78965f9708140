// Service versions in the database (model ServiceVersion): record one after a change Runway
// made, record drift when a read differs from the latest one, list them for the History tab.
import "server-only";
import { createHash } from "node:crypto";
import type { Service } from "@aws-sdk/client-apprunner";
import type { Db } from "@/lib/db";
import { canonicalJson, parseServiceConfig, toServiceConfig, type ServiceConfig } from "./service-config";

export type ServiceVersionRow = Awaited<ReturnType<Db["serviceVersion"]["findFirstOrThrow"]>>;

export interface VersionView {
  id: string;
  number: number;
  origin: "runway" | "outside";
  action: string;
  author: string | null;
  operationId: string | null;
  restoredFrom: number | null;
  createdAt: string;
  config: ServiceConfig;
}

export interface RecordVersionInput {
  serviceArn: string;
  connectionId: string;
  region: string;
  config: ServiceConfig;
  origin: "runway" | "outside";
  action: string;
  author?: { id: string; email: string } | null;
  operationId?: string | null;
  restoredFrom?: number | null;
}

export const fingerprintOf = (config: ServiceConfig) => createHash("sha256").update(canonicalJson(config)).digest("hex");

const isUniqueViolation = (err: unknown) => typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";

const latestOf = (db: Db, serviceArn: string) => db.serviceVersion.findFirst({ where: { serviceArn }, orderBy: { number: "desc" } });

async function insert(db: Db, input: RecordVersionInput, number: number): Promise<ServiceVersionRow> {
  return db.serviceVersion.create({
    data: {
      serviceArn: input.serviceArn,
      connectionId: input.connectionId,
      region: input.region,
      number,
      origin: input.origin,
      action: input.action,
      authorId: input.author?.id ?? null,
      author: input.author?.email ?? null,
      operationId: input.operationId ?? null,
      config: JSON.stringify(input.config),
      fingerprint: fingerprintOf(input.config),
      restoredFrom: input.restoredFrom ?? null,
    },
  });
}

/** Stores the next version of a change Runway made. Once per operation: a second call for the same operation returns the first row. */
export async function recordVersion(db: Db, input: RecordVersionInput): Promise<ServiceVersionRow> {
  for (let attempt = 0; ; attempt++) {
    if (input.operationId) {
      const existing = await db.serviceVersion.findUnique({ where: { operationId: input.operationId } });
      if (existing) return existing;
    }
    const latest = await latestOf(db, input.serviceArn);
    try {
      return await insert(db, input, (latest?.number ?? 0) + 1);
    } catch (err) {
      // Another process took that number (or recorded this operation): read again and retry.
      if (!isUniqueViolation(err) || attempt >= 4) throw err;
    }
  }
}

export interface ObserveInput {
  connectionId: string;
  region: string;
  service: Service;
  tags: { key: string; value: string }[];
}

/**
 * A read of the service: when its configuration differs from the latest version, that change
 * was made outside Runway and is recorded as such (the first read of a service records what it
 * is, "observed"). A service in the middle of an operation, or with one of Runway's operations
 * not yet finished, is left alone: its new configuration is Runway's, recorded when it ends.
 */
export async function observeService(db: Db, input: ObserveInput): Promise<ServiceVersionRow | null> {
  const { service } = input;
  const arn = service.ServiceArn;
  if (!arn || service.Status === "OPERATION_IN_PROGRESS" || service.Status === "DELETED") return null;
  const pending = await db.trackedOperation.count({ where: { serviceArn: arn, state: "pending" } });
  if (pending > 0) return null;
  const config = toServiceConfig(service, input.tags);
  const latest = await latestOf(db, arn);
  if (latest && latest.fingerprint === fingerprintOf(config)) return null;
  try {
    return await insert(db, { serviceArn: arn, connectionId: input.connectionId, region: input.region, config, origin: "outside", action: latest ? "drift" : "observed" }, (latest?.number ?? 0) + 1);
  } catch (err) {
    // Two reads saw the same change at once: the other one recorded it.
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

export function toVersionView(row: ServiceVersionRow): VersionView {
  return {
    id: row.id,
    number: row.number,
    origin: row.origin === "runway" ? "runway" : "outside",
    action: row.action,
    author: row.author,
    operationId: row.operationId,
    restoredFrom: row.restoredFrom,
    createdAt: row.createdAt.toISOString(),
    config: parseServiceConfig(row.config),
  };
}

/** Newest first. */
export async function listVersions(db: Db, serviceArn: string, take = 50): Promise<VersionView[]> {
  const rows = await db.serviceVersion.findMany({ where: { serviceArn }, orderBy: { number: "desc" }, take });
  return rows.map(toVersionView);
}

export async function getVersion(db: Db, id: string): Promise<ServiceVersionRow | null> {
  return db.serviceVersion.findUnique({ where: { id } });
}
