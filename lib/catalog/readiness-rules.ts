// THE readiness rule set: every check the catalog runs against a service, in one reviewed
// module. Pure: it judges stored catalog fields plus the configuration facts read from AWS
// (service-facts.ts), and says for each check what it saw and how to fix it.
import type { Lifecycle } from "./catalog-model";
import type { ServiceFacts } from "./service-facts";

export type CheckStatus = "pass" | "fail" | "skip";

export interface ReadinessCheck {
  id: string;
  title: string;
  status: CheckStatus;
  /** what the check saw, in plain words */
  saw: string;
  /** how to fix it (failures only) */
  fix?: string;
}

export interface ReadinessInput {
  tier: number | null;
  lifecycle: Lifecycle | string;
  owner: string | null;
  runbookUrl: string | null;
  oncallUrl: string | null;
  facts: ServiceFacts | null;
}

export const UNDER_USED_PERCENT = 10;
export const OVER_USED_PERCENT = 80;

const noFacts = (id: string, title: string): ReadinessCheck => ({ id, title, status: "skip", saw: "The service's configuration has not been read yet (sync the catalog)." });

function minSize(i: ReadinessInput): ReadinessCheck {
  const id = "tier1-min-size";
  const title = "Tier 1 runs at least 2 instances";
  if (i.tier !== 1) return { id, title, status: "skip", saw: i.tier ? `Tier ${i.tier}: not required.` : "No tier set: not required." };
  if (!i.facts) return noFacts(id, title);
  const min = i.facts.minSize;
  if (min !== undefined && min >= 2) return { id, title, status: "pass", saw: `MinSize is ${min} (${i.facts.autoScalingName ?? "auto scaling configuration"}).` };
  return {
    id,
    title,
    status: "fail",
    saw: min === undefined ? "The auto scaling configuration could not be read." : `MinSize is ${min} in ${i.facts.autoScalingName ?? "its auto scaling configuration"}: one instance failing takes a tier 1 service down.`,
    fix: "Create an auto scaling configuration with MinSize 2 or more (CreateAutoScalingConfiguration) and attach it to the service (UpdateService, AutoScalingConfigurationArn).",
  };
}

function httpHealthCheck(i: ReadinessInput): ReadinessCheck {
  const id = "production-http-health-check";
  const title = "Production uses an HTTP health check";
  if (i.lifecycle !== "production") return { id, title, status: "skip", saw: `Lifecycle ${i.lifecycle}: not required.` };
  if (!i.facts) return noFacts(id, title);
  if (i.facts.healthCheckProtocol === "HTTP") return { id, title, status: "pass", saw: `HTTP health check on ${i.facts.healthCheckPath ?? "/"}.` };
  return {
    id,
    title,
    status: "fail",
    saw: `The health check is ${i.facts.healthCheckProtocol}: it only sees that the port is open, not that the app answers.`,
    fix: "Set HealthCheckConfiguration Protocol to HTTP with a Path the app answers with 200 when it is healthy (Edit service → Health check).",
  };
}

function reviewedDeploys(i: ReadinessInput): ReadinessCheck {
  const id = "production-reviewed-deploys";
  const title = "Production does not deploy unreviewed branch pushes";
  if (i.lifecycle !== "production") return { id, title, status: "skip", saw: `Lifecycle ${i.lifecycle}: not required.` };
  if (!i.facts) return noFacts(id, title);
  if (!i.facts.autoDeploy) return { id, title, status: "pass", saw: "Automatic deployments are off: releases are started on purpose." };
  if (i.facts.sourceKind === "image") return { id, title, status: "pass", saw: `Automatic deployments follow the image ${i.facts.sourceVersion ?? ""}, which a pipeline pushes.` };
  return {
    id,
    title,
    status: "fail",
    saw: `Every push to branch ${i.facts.sourceVersion ?? "(unknown)"} deploys to production automatically.`,
    fix: "Turn off automatic deployments (AutoDeploymentsEnabled false) and deploy after review, or deploy from an image a reviewed pipeline builds.",
  };
}

function observability(i: ReadinessInput): ReadinessCheck {
  const id = "observability";
  const title = "Observability (tracing) is on";
  if (!i.facts) return noFacts(id, title);
  if (i.facts.observabilityEnabled) return { id, title, status: "pass", saw: "ObservabilityConfiguration is enabled." };
  return {
    id,
    title,
    status: "fail",
    saw: "ObservabilityConfiguration is off: requests are not traced.",
    fix: "Create an observability configuration with X-Ray tracing and enable it on the service (UpdateService, ObservabilityConfiguration).",
  };
}

function ownership(i: ReadinessInput): ReadinessCheck {
  const id = "ownership";
  const title = "Owner, runbook and on-call are set";
  const missing = [!i.owner && "owner team", !i.runbookUrl && "runbook link", !i.oncallUrl && "on-call link"].filter(Boolean) as string[];
  if (!missing.length) return { id, title, status: "pass", saw: `Owned by ${i.owner}, with runbook and on-call links.` };
  return { id, title, status: "fail", saw: `Missing: ${missing.join(", ")}.`, fix: `Edit the catalog entry and set the ${missing.join(", ")}.` };
}

function plainSecrets(i: ReadinessInput): ReadinessCheck {
  const id = "no-plain-secrets";
  const title = "No secrets in plain environment variables";
  if (!i.facts) return noFacts(id, title);
  const names = i.facts.plainSecretEnvNames;
  if (!names.length) return { id, title, status: "pass", saw: "No variable named like a secret holds a literal value." };
  return {
    id,
    title,
    status: "fail",
    saw: `${names.join(", ")} ${names.length === 1 ? "holds" : "hold"} a literal value (anyone who can describe the service reads it).`,
    fix: "Store the value in Secrets Manager or SSM Parameter Store and reference it under RuntimeEnvironmentSecrets instead.",
  };
}

function rightSized(i: ReadinessInput): ReadinessCheck {
  const id = "instance-size";
  const title = "Instance size fits 7-day CPU and memory";
  if (!i.facts) return noFacts(id, title);
  const { cpuP95: cpu, memoryP95: mem } = i.facts;
  const size = `${i.facts.cpu ?? "?"} CPU / ${i.facts.memory ?? "?"} memory`;
  if (cpu === null && mem === null) return { id, title, status: "skip", saw: "No CPU or memory data in the last 7 days." };
  const pct = (v: number | null) => (v === null ? "no data" : `${Math.round(v * 10) / 10}%`);
  const saw = `p95 utilization over 7 days: CPU ${pct(cpu)}, memory ${pct(mem)} (${size}).`;
  const over = (cpu ?? 0) > OVER_USED_PERCENT || (mem ?? 0) > OVER_USED_PERCENT;
  // Under-used only when nothing is busy: low CPU with high memory is not a smaller size.
  const under = (cpu ?? 0) < UNDER_USED_PERCENT && (mem ?? 0) < UNDER_USED_PERCENT;
  if (over) return { id, title, status: "fail", saw: `${saw} Above ${OVER_USED_PERCENT}%: the instances run hot.`, fix: "Raise Cpu/Memory in InstanceConfiguration, or lower MaxConcurrency so App Runner scales out sooner." };
  if (under) return { id, title, status: "fail", saw: `${saw} Below ${UNDER_USED_PERCENT}%: you pay for idle capacity.`, fix: "Lower Cpu/Memory in InstanceConfiguration to the next smaller size." };
  return { id, title, status: "pass", saw };
}

/** The rule set, in the order the entry page shows it. */
export const readinessRules: readonly ((i: ReadinessInput) => ReadinessCheck)[] = [minSize, httpHealthCheck, reviewedDeploys, observability, ownership, plainSecrets, rightSized];

export function runReadiness(input: ReadinessInput): ReadinessCheck[] {
  return readinessRules.map((rule) => rule(input));
}

export interface ReadinessScore {
  passed: number;
  applicable: number;
  /** 0..100, or null when no check applied */
  percent: number | null;
}

export function readinessScore(checks: readonly ReadinessCheck[]): ReadinessScore {
  const applicable = checks.filter((c) => c.status !== "skip").length;
  const passed = checks.filter((c) => c.status === "pass").length;
  return { passed, applicable, percent: applicable ? Math.round((passed / applicable) * 100) : null };
}
