// Catalog → Backstage catalog-info.yaml documents (Group per team, System per system,
// Component per entry). Pure. The ARN travels in an annotation in the style of the AWS
// Backstage plugins; tier, which Backstage has no field for, in a Runway annotation.
import { stringify } from "yaml";
import { linkKinds, linkField, linkTitles, type EntryFields } from "./catalog-model";

export const BACKSTAGE_API_VERSION = "backstage.io/v1alpha1";
export const ARN_ANNOTATION = "aws.amazon.com/aws-app-runner-service-arn";
export const TIER_ANNOTATION = "runway/tier";

export interface TeamDoc {
  name: string;
  displayName?: string | null;
  description?: string | null;
}
export interface SystemDoc {
  name: string;
  description?: string | null;
  owner?: string | null;
}
export type EntryDoc = Omit<EntryFields, "tier"> & { tier?: number | null; arn: string; serviceName: string };

export interface CatalogSnapshot {
  teams: TeamDoc[];
  systems: SystemDoc[];
  entries: EntryDoc[];
}

const ownerRef = (team: string) => `group:default/${team}`;

export function groupDocument(t: TeamDoc) {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: "Group",
    metadata: { name: t.name, ...(t.description ? { description: t.description } : {}) },
    spec: { type: "team", ...(t.displayName ? { profile: { displayName: t.displayName } } : {}), children: [] as string[] },
  };
}

export function systemDocument(s: SystemDoc) {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: "System",
    metadata: { name: s.name, ...(s.description ? { description: s.description } : {}) },
    // Backstage requires an owner; an unowned system is exported without one and Runway imports it back as such.
    spec: { ...(s.owner ? { owner: ownerRef(s.owner) } : {}) },
  };
}

export function componentDocument(e: EntryDoc) {
  const links = linkKinds.flatMap((kind) => {
    const url = e[linkField[kind]];
    return url ? [{ url, title: linkTitles[kind], type: kind }] : [];
  });
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: "Component",
    metadata: {
      name: e.serviceName,
      ...(e.description ? { description: e.description } : {}),
      annotations: { [ARN_ANNOTATION]: e.arn, ...(e.tier ? { [TIER_ANNOTATION]: String(e.tier) } : {}) },
      ...(e.tags.length ? { tags: e.tags } : {}),
      ...(links.length ? { links } : {}),
    },
    spec: {
      type: "service",
      lifecycle: e.lifecycle,
      ...(e.owner ? { owner: ownerRef(e.owner) } : {}),
      ...(e.system ? { system: e.system } : {}),
    },
  };
}

/** One multi-document YAML file: groups, then systems, then components (the order import needs). */
export function exportBackstageYaml(snapshot: CatalogSnapshot): string {
  const docs = [...snapshot.teams.map(groupDocument), ...snapshot.systems.map(systemDocument), ...snapshot.entries.map(componentDocument)];
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join("---\n");
}
