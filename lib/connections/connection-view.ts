// What the browser may see of a connection: never the secret, only whether one is stored.
export interface ConnectionView {
  id: string;
  name: string;
  kind: "aws" | "local";
  endpoint: string | null;
  regions: string[];
  defaultRegion: string;
  credentialType: "default" | "profile" | "static";
  profile: string | null;
  roleArn: string | null;
  accessKeyId: string | null;
  hasSecret: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ConnectionRow {
  id: string;
  name: string;
  kind: string;
  endpoint: string | null;
  regions: string;
  defaultRegion: string;
  credentialType: string;
  profile: string | null;
  roleArn: string | null;
  accessKeyId: string | null;
  encryptedSecret?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function parseRegions(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((r): r is string => typeof r === "string") : [];
  } catch {
    return [];
  }
}

export function toConnectionView(row: ConnectionRow, hasSecret: boolean): ConnectionView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === "local" ? "local" : "aws",
    endpoint: row.endpoint,
    regions: parseRegions(row.regions),
    defaultRegion: row.defaultRegion,
    credentialType: row.credentialType === "profile" ? "profile" : row.credentialType === "static" ? "static" : "default",
    profile: row.profile,
    roleArn: row.roleArn,
    accessKeyId: row.accessKeyId,
    hasSecret,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
