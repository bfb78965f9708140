// The catalog's fixed vocabularies, free of zod so the browser bundle of /catalog stays small.
export const lifecycles = ["experimental", "production", "deprecated"] as const;
export type Lifecycle = (typeof lifecycles)[number];
export const tiers = [1, 2, 3] as const;
export type Tier = (typeof tiers)[number];

export const linkKinds = ["repository", "runbook", "dashboard", "oncall"] as const;
export type LinkKind = (typeof linkKinds)[number];
export const linkTitles: Record<LinkKind, string> = { repository: "Repository", runbook: "Runbook", dashboard: "Dashboard", oncall: "On-call" };
