// One service's migration plan: the request, its mapping, the gaps, the roles and the cutover.
// Pure: the same input gives the same plan, which is what gets saved and downloaded.
import { arnParts } from "./arn-parts";
import { cutoverSteps, type CutoverStep } from "./cutover";
import type { ExpressGatewayServiceRequest } from "./express-request";
import { findGaps, type Gap } from "./gaps";
import { iamPlan, type IamPlan } from "./iam-policies";
import { mapService, type ImagePlan, type MappingRow } from "./map-service";
import type { PlanInput } from "./plan-input";
import type { SizeMapping } from "./fargate-sizes";
import type { ScalingSuggestion } from "./scaling-target";

export type Readiness = "ready" | "needs-image" | "needs-decisions";

export const readinessLabels: Record<Readiness, string> = {
  ready: "Ready",
  "needs-image": "Needs an image",
  "needs-decisions": "Needs decisions",
};

export interface MigrationPlan {
  service: { name: string; id: string; arn: string; region: string; kind: "image" | "code" };
  request: ExpressGatewayServiceRequest;
  rows: MappingRow[];
  size: SizeMapping;
  scaling: ScalingSuggestion;
  image?: ImagePlan;
  decisions: string[];
  gaps: Gap[];
  iam: IamPlan;
  cutover: CutoverStep[];
  readiness: Readiness;
}

export function buildPlan(input: PlanInput): MigrationPlan {
  const s = input.service;
  const arn = s.ServiceArn ?? "";
  const region = arnParts(arn).region;
  const m = mapService(input);
  const gaps = findGaps(input, m.scaling);
  // A private service needs a networking decision the request cannot make on its own.
  const decisions = [...m.decisions, ...(gaps.some((g) => g.id === "private-ingress" && g.status === "applies") ? ["The service is private: choose private subnets so the load balancer is internal."] : [])];
  const readiness: Readiness = decisions.length ? "needs-decisions" : m.kind === "code" ? "needs-image" : "ready";
  return {
    service: { name: s.ServiceName ?? "", id: s.ServiceId ?? "", arn, region, kind: m.kind },
    request: m.request,
    rows: m.rows,
    size: m.size,
    scaling: m.scaling,
    ...(m.image ? { image: m.image } : {}),
    decisions,
    gaps,
    iam: iamPlan(m.request),
    cutover: cutoverSteps({ region, appRunnerArn: arn, serviceName: s.ServiceName ?? "", serviceId: s.ServiceId ?? "", customDomains: input.customDomains, hasImageSteps: !!m.image }),
    readiness,
  };
}
