// Field-by-field difference of two service configurations (pure). Each configuration is
// flattened into "section · field" lines; a line only in the newer one is added, only in the
// older one removed, in both with another value changed.
import type { ServiceConfig } from "./service-config";

export type DiffKind = "added" | "removed" | "changed" | "unchanged";

export interface DiffLine {
  /** Stable key, e.g. "env.MESSAGE". */
  path: string;
  /** What a person reads, e.g. "Environment variable MESSAGE". */
  label: string;
  kind: DiffKind;
  before?: string;
  after?: string;
}

const sectionLabels: Record<string, string> = {
  source: "Source",
  autoDeploy: "Automatic deployments",
  env: "Environment variable",
  secrets: "Secret",
  instance: "Instance",
  healthCheck: "Health check",
  autoScaling: "Auto scaling",
  network: "Network",
  observability: "Observability",
  tags: "Tag",
};

const fieldLabels: Record<string, string> = {
  cpu: "CPU",
  instanceRoleArn: "role ARN",
  imageIdentifier: "image",
  imageRepositoryType: "repository type",
  repositoryUrl: "repository",
  configurationSource: "configuration from",
  arn: "configuration ARN",
  configurationArn: "configuration ARN",
  vpcConnectorArn: "VPC connector ARN",
  accessRoleArn: "access role ARN",
  connectionArn: "connection ARN",
  ipAddressType: "IP address type",
};

/** camelCase -> words, unless the field has a name of its own. Environment names and tag keys stay as they are. */
function fieldLabel(section: string, key: string): string {
  if (section === "env" || section === "secrets" || section === "tags") return key;
  return fieldLabels[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

// Keys shown before the others, in this order; the rest follow alphabetically.
const sectionOrder = Object.keys(sectionLabels);

function show(value: unknown, section: string): string {
  if (section === "secrets") return value === null ? "(secret: value not stored)" : `(secret) ${String(value)}`;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** "section.field" -> shown value, in display order. */
export function flattenConfig(config: ServiceConfig | undefined): Map<string, { label: string; value: string }> {
  const out = new Map<string, { label: string; value: string }>();
  if (!config) return out;
  const sections = Object.keys(config).sort((a, b) => {
    const ia = sectionOrder.indexOf(a);
    const ib = sectionOrder.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  for (const section of sections) {
    const value = (config as unknown as Record<string, unknown>)[section];
    const title = sectionLabels[section] ?? section;
    if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === undefined) continue;
        out.set(`${section}.${key}`, { label: `${title} ${fieldLabel(section, key)}`, value: show(v, section) });
      }
    } else if (value !== undefined) {
      out.set(section, { label: title, value: show(value, section) });
    }
  }
  return out;
}

/** Lines of `to` compared with `from` (the older one), in display order; removed lines sit where they were. */
export function diffConfigs(from: ServiceConfig | undefined, to: ServiceConfig | undefined): DiffLine[] {
  const a = flattenConfig(from);
  const b = flattenConfig(to);
  const paths = [...b.keys()];
  // Removed lines go after the last line that precedes them in the older configuration.
  const older = [...a.keys()];
  older.forEach((p, i) => {
    if (b.has(p)) return;
    const prev = older.slice(0, i).reverse().find((q) => paths.includes(q));
    paths.splice(prev ? paths.indexOf(prev) + 1 : 0, 0, p);
  });
  return paths.map((path) => {
    const before = a.get(path);
    const after = b.get(path);
    const label = (after ?? before)?.label ?? path;
    if (!before) return { path, label, kind: "added", after: after?.value };
    if (!after) return { path, label, kind: "removed", before: before.value };
    return { path, label, kind: before.value === after.value ? "unchanged" : "changed", before: before.value, after: after.value };
  });
}

export const changedLines = (lines: readonly DiffLine[]) => lines.filter((l) => l.kind !== "unchanged");
