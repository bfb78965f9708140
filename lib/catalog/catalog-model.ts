// What a catalog entry holds, and the rules its fields follow. Shared by the edit form, the
// server actions and the Backstage import, so all three accept and reject the same things.
// No imports beyond zod: client components use it.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";

import { lifecycles, type LinkKind } from "./catalog-constants";

export { lifecycles, tiers, linkKinds, linkTitles, type Lifecycle, type Tier, type LinkKind } from "./catalog-constants";

/** Backstage entity names (KubernetesValidatorFunctions.isValidObjectName in @backstage/catalog-model). */
export const ENTITY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
export const isValidEntityName = (v: string) => v.length >= 1 && v.length <= 63 && ENTITY_NAME.test(v);
/** Backstage tags: lower-case words joined by single dashes (also ":", "+", "#"), at most 63 characters. */
export const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;
export const isValidTag = (v: string) => v.length >= 1 && v.length <= 63 && TAG.test(v);

export const entityNameMessage = "Use 1–63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (Backstage's name rule)";
export const tagMessage = "Tags are lower-case letters, digits, ':', '+' or '#', joined by single dashes, up to 63 characters (Backstage's tag rule)";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const httpUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(2048, "At most 2,048 characters")
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
      } catch {
        return false;
      }
    }, "Links must be http:// or https:// URLs")
    .optional(),
);

export const tierField = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v) : v),
  z
    .number({ error: "Tier must be 1, 2 or 3" })
    .int("Tier must be 1, 2 or 3")
    .min(1, "Tier must be 1 (critical), 2 or 3")
    .max(3, "Tier must be 1 (critical), 2 or 3")
    .optional(),
);

/** "a, b c" or an array → trimmed tag list. */
export function splitTags(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((t) => String(t).trim()).filter(Boolean);
  if (typeof v === "string") return v.split(/[\s,]+/).map((t) => t.trim()).filter(Boolean);
  return v;
}

export const tagsField = z.preprocess(
  splitTags,
  z
    .array(z.string().refine(isValidTag, tagMessage))
    .max(50, "At most 50 tags")
    .transform((t) => [...new Set(t)]),
);

export const systemField = z.preprocess(blankToUndefined, z.string().refine(isValidEntityName, entityNameMessage).optional());

/** The editable part of an entry, as the form and the import both produce it. */
export const entryFields = z.object({
  /** team name, or empty for none */
  owner: z.preprocess(blankToUndefined, z.string().max(63).optional()),
  tier: tierField,
  lifecycle: z.enum(lifecycles, { error: "Lifecycle must be experimental, production or deprecated" }),
  description: z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string().max(2000, "At most 2,000 characters")),
  system: systemField,
  repositoryUrl: httpUrl,
  runbookUrl: httpUrl,
  dashboardUrl: httpUrl,
  oncallUrl: httpUrl,
  tags: tagsField,
});
export type EntryFields = z.output<typeof entryFields>;

export const updateEntryInput = entryFields.extend({ id: z.string().min(1) });

export const teamNameField = z.string().trim().refine(isValidEntityName, entityNameMessage);
export const createTeamInput = z.object({
  name: teamNameField,
  displayName: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  description: z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string().max(1000)),
});

export const linkField: Record<LinkKind, "repositoryUrl" | "runbookUrl" | "dashboardUrl" | "oncallUrl"> = {
  repository: "repositoryUrl",
  runbook: "runbookUrl",
  dashboard: "dashboardUrl",
  oncall: "oncallUrl",
};

export function parseTagsJson(json: string | null | undefined): string[] {
  try {
    const v: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}
