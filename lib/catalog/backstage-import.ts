// Backstage catalog-info.yaml → an import plan. Pure: checks the YAML, the document kinds and
// Backstage's name and tag rules, and the same field rules as the edit form; every error names
// the document and its line. Cross-references (teams that exist, ARNs that belong to a
// connection) are checked by apply-import.ts, which applies all or nothing.
import { LineCounter, isMap, parseAllDocuments, type Document } from "yaml";
import { entityNameMessage, entryFields, isValidEntityName, isValidTag, linkField, linkKinds, tagMessage, type EntryFields, type LinkKind } from "./catalog-model";
import { ARN_ANNOTATION, TIER_ANNOTATION } from "./backstage-export";

export interface ImportError {
  /** 1-based document number in the file */
  document: number;
  line: number;
  message: string;
}

export const formatImportError = (e: ImportError) => `Document ${e.document}, line ${e.line}: ${e.message}`;

interface Located {
  document: number;
  line: number;
}
export interface PlannedTeam extends Located {
  name: string;
  displayName?: string;
  description: string;
}
export interface PlannedSystem extends Located {
  name: string;
  description: string;
  owner?: string;
}
export interface PlannedEntry extends Located {
  arn: string;
  serviceName: string;
  fields: EntryFields;
}
export interface ImportPlan {
  teams: PlannedTeam[];
  systems: PlannedSystem[];
  entries: PlannedEntry[];
}

const SUPPORTED_API = new Set(["backstage.io/v1alpha1", "backstage.io/v1beta1"]);
/** arn:aws:apprunner:<region>:<account>:service/<name>/<id> */
export const SERVICE_ARN = /^arn:aws[a-z-]*:apprunner:[a-z0-9-]+:\d{12}:service\/[A-Za-z0-9][A-Za-z0-9_-]{3,39}\/[A-Za-z0-9]{1,64}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** "team", "group:team", "group:default/team" → "team"; anything else → an error message. */
export function parseEntityRef(ref: string, kind: "group" | "system"): { name: string } | { error: string } {
  const m = /^(?:([A-Za-z]+):)?(?:([a-z0-9-]+)\/)?(.+)$/.exec(ref.trim());
  const k = m?.[1]?.toLowerCase();
  const ns = m?.[2];
  const name = m?.[3] ?? "";
  if (k && k !== kind) return { error: `"${ref}" refers to a ${k}, expected a ${kind}` };
  if (ns && ns !== "default") return { error: `"${ref}" is in namespace ${ns}; Runway keeps the default namespace only` };
  if (!isValidEntityName(name)) return { error: `"${ref}": ${entityNameMessage}` };
  return { name };
}

/** Errors found at the end of input (an unclosed bracket) point at the last text, not past it. */
function lastTextAt(text: string, offset: number): number {
  let i = Math.min(offset, text.length - 1);
  while (i > 0 && /\s/.test(text[i] ?? "")) i--;
  return i;
}

export function planImport(text: string): { ok: true; plan: ImportPlan } | { ok: false; errors: ImportError[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const errors: ImportError[] = [];
  const plan: ImportPlan = { teams: [], systems: [], entries: [] };
  if (!Array.isArray(docs)) return { ok: false, errors: [{ document: 1, line: 1, message: "The file holds no YAML documents" }] };

  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  let number = 0;
  for (const doc of docs as Document.Parsed[]) {
    number++;
    const docLine = lineOf(doc.contents?.range?.[0] ?? doc.range?.[0]);
    if (doc.errors.length) {
      for (const e of doc.errors) errors.push({ document: number, line: e.pos?.[0] !== undefined ? lineOf(lastTextAt(text, e.pos[0])) : docLine, message: `YAML syntax: ${e.message.split("\n")[0]}` });
      continue;
    }
    if (doc.contents === null) continue; // an empty document between two "---"
    const at = (path: (string | number)[]) => {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return lineOf(node?.range?.[0] ?? doc.contents?.range?.[0]);
    };
    const fail = (path: (string | number)[], message: string) => errors.push({ document: number, line: at(path), message });
    if (!isMap(doc.contents)) {
      fail([], "Expected a Backstage entity (a mapping with apiVersion, kind, metadata, spec)");
      continue;
    }
    const d = doc.toJS() as Obj;
    const kind = str(d.kind);
    const metadata = isObj(d.metadata) ? d.metadata : {};
    const spec = isObj(d.spec) ? d.spec : {};
    const name = str(metadata.name) ?? "";
    const label = `${kind ?? "entity"} "${name}"`;
    if (!SUPPORTED_API.has(str(d.apiVersion) ?? "")) fail(["apiVersion"], `${label}: apiVersion must be backstage.io/v1alpha1`);
    if (kind !== "Component" && kind !== "Group" && kind !== "System") {
      fail(["kind"], `kind ${kind ?? "(missing)"} is not supported here: Runway imports Component (spec.type service), Group and System`);
      continue;
    }
    if (!isValidEntityName(name)) {
      fail(["metadata", "name"], `${label}: metadata.name ${entityNameMessage}`);
      continue;
    }
    const ns = str(metadata.namespace);
    if (ns && ns !== "default") fail(["metadata", "namespace"], `${label}: namespace ${ns} is not supported; Runway keeps the default namespace only`);
    const description = str(metadata.description) ?? "";
    const located = { document: number, line: docLine };

    if (kind === "Group") {
      const profile = isObj(spec.profile) ? spec.profile : {};
      plan.teams.push({ ...located, name, displayName: str(profile.displayName), description });
      continue;
    }
    if (kind === "System") {
      let owner: string | undefined;
      if (spec.owner !== undefined) {
        const ref = parseEntityRef(String(spec.owner), "group");
        if ("error" in ref) fail(["spec", "owner"], `${label}: spec.owner ${ref.error}`);
        else owner = ref.name;
      }
      plan.systems.push({ ...located, name, description, owner });
      continue;
    }

    // Component
    if (spec.type !== "service") fail(["spec", "type"], `${label}: spec.type must be service (an App Runner service), got ${String(spec.type ?? "(missing)")}`);
    const annotations = isObj(metadata.annotations) ? metadata.annotations : {};
    const arn = str(annotations[ARN_ANNOTATION]);
    if (!arn) fail(["metadata"], `${label}: the annotation ${ARN_ANNOTATION} is missing: Runway needs the service ARN`);
    else if (!SERVICE_ARN.test(arn)) fail(["metadata", "annotations", ARN_ANNOTATION], `${label}: "${arn}" is not an App Runner service ARN`);
    const tags = Array.isArray(metadata.tags) ? metadata.tags : metadata.tags === undefined ? [] : null;
    if (tags === null) fail(["metadata", "tags"], `${label}: metadata.tags must be a list`);
    (tags ?? []).forEach((t, i) => {
      if (typeof t !== "string" || !isValidTag(t)) fail(["metadata", "tags", i], `${label}: tag "${String(t)}": ${tagMessage}`);
    });
    const links: Partial<Record<LinkKind, string>> = {};
    (Array.isArray(metadata.links) ? metadata.links : []).forEach((l, i) => {
      const link = isObj(l) ? l : {};
      const type = (str(link.type) ?? str(link.title) ?? "").toLowerCase().replace(/[^a-z]/g, "");
      const kindOf = (linkKinds as readonly string[]).includes(type) ? (type as LinkKind) : type === "oncall" || type === "pager" ? "oncall" : undefined;
      if (!kindOf) fail(["metadata", "links", i], `${label}: link type "${String(link.type ?? link.title ?? "")}" is not one of ${linkKinds.join(", ")}`);
      else links[kindOf] = str(link.url) ?? "";
    });
    let owner: string | undefined;
    if (spec.owner !== undefined) {
      const ref = parseEntityRef(String(spec.owner), "group");
      if ("error" in ref) fail(["spec", "owner"], `${label}: spec.owner ${ref.error}`);
      else owner = ref.name;
    }
    let system: string | undefined;
    if (spec.system !== undefined) {
      const ref = parseEntityRef(String(spec.system), "system");
      if ("error" in ref) fail(["spec", "system"], `${label}: spec.system ${ref.error}`);
      else system = ref.name;
    }
    const raw = {
      owner,
      tier: annotations[TIER_ANNOTATION],
      lifecycle: spec.lifecycle,
      description,
      system,
      tags: (tags ?? []).filter((t) => typeof t === "string" && isValidTag(t)),
      ...Object.fromEntries(linkKinds.map((k) => [linkField[k], links[k]])),
    };
    const parsed = entryFields.safeParse(raw);
    if (!parsed.success) {
      const where: Record<string, (string | number)[]> = { tier: ["metadata", "annotations", TIER_ANNOTATION], lifecycle: ["spec", "lifecycle"], description: ["metadata", "description"] };
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const linkKind = linkKinds.find((k) => linkField[k] === field);
        const linkIndex = linkKind ? (Array.isArray(metadata.links) ? metadata.links : []).findIndex((l) => isObj(l) && links[linkKind] === l.url) : -1;
        fail(linkIndex >= 0 ? ["metadata", "links", linkIndex, "url"] : (where[field] ?? ["metadata"]), `${label}: ${field === "tier" ? `${TIER_ANNOTATION}: ` : ""}${issue.message}`);
      }
      continue;
    }
    if (arn && SERVICE_ARN.test(arn)) plan.entries.push({ ...located, arn, serviceName: name, fields: parsed.data });
  }

  // Duplicates inside the file would make "the same result" ambiguous.
  const seen = new Map<string, number>();
  for (const [kind, list] of [["Group", plan.teams], ["System", plan.systems], ["Component", plan.entries]] as const) {
    for (const item of list as readonly (Located & { name?: string; arn?: string })[]) {
      const key = `${kind}:${item.arn ?? item.name}`;
      const first = seen.get(key);
      if (first) errors.push({ document: item.document, line: item.line, message: `${kind} ${item.arn ?? item.name} is already defined in document ${first}` });
      else seen.set(key, item.document);
    }
  }
  if (!plan.teams.length && !plan.systems.length && !plan.entries.length && !errors.length) errors.push({ document: 1, line: 1, message: "The file holds no Backstage entities" });
  return errors.length ? { ok: false, errors } : { ok: true, plan };
}
