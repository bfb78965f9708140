import type { Json } from "../contracts.js";
import { AwsError } from "../protocol/json-response.js";
import type { ControlPlane } from "./control-plane.js";
import { serviceHost, validationLabel } from "./ids.js";
import { paginate } from "./paginate.js";
import { renderCustomDomain } from "./render.js";
import type { CustomDomainRecord, ServiceRecord } from "./state.js";

type Obj = { [key: string]: Json };
type Input = Record<string, unknown>;

/** App Runner's limit of custom domains per service. */
const MAX_DOMAINS = 5;

/**
 * Local rule (see runtime/README.md): a domain is `pending_certificate_dns_validation` with App Runner-shaped
 * CNAME validation records, and turns `active` RUNWAY_RUNTIME_DOMAIN_ACTIVATION_SECONDS after association;
 * from then on the data plane serves it by Host header.
 */
export function associateCustomDomain(cp: ControlPlane, region: string, input: Input): Obj {
  const svc = cp.findService(region, input.ServiceArn as string);
  cp.requireStatus(svc, "associate a custom domain (AssociateCustomDomain)", ["RUNNING"]);
  const domainName = (input.DomainName as string).toLowerCase().replace(/\.$/, "");
  const enableWww = input.EnableWWWSubdomain !== false;
  const taken = cp.state.services.find((s) => s.region === region && s.status !== "DELETED" && s.domains.some((d) => d.domainName === domainName));
  if (taken) throw new AwsError("InvalidRequestException", `Domain ${domainName} is already associated with service ${taken.arn}`);
  if (svc.domains.length >= MAX_DOMAINS) throw new AwsError("InvalidRequestException", `Service ${svc.name} already has ${MAX_DOMAINS} custom domains, the maximum.`);
  const names = enableWww ? [domainName, `www.${domainName}`] : [domainName];
  const record: CustomDomainRecord = {
    domainName,
    enableWww,
    createdAt: Date.now(),
    records: names.map((n) => ({
      Name: `_${validationLabel("name", n, svc.id)}.${n}.`,
      Type: "CNAME",
      Value: `_${validationLabel("value", n, svc.id)}.${validationLabel("zone", n).slice(0, 10)}.acm-validations.aws.`,
    })),
  };
  svc.domains.push(record);
  cp.persist();
  cp.syncRoutes(svc);
  cp.event(svc, `Custom domain ${domainName} associated; waiting for certificate DNS validation.`);
  return { ...targets(svc), CustomDomain: renderCustomDomain(record, cp.domainActive(record.createdAt)) };
}

export function describeCustomDomains(cp: ControlPlane, region: string, input: Input): Obj {
  const svc = cp.findService(region, input.ServiceArn as string);
  const page = paginate(svc.domains, `domains/${svc.arn}`, input, 5);
  return { ...targets(svc), CustomDomains: page.items.map((d) => renderCustomDomain(d, cp.domainActive(d.createdAt))), ...page.token };
}

export function disassociateCustomDomain(cp: ControlPlane, region: string, input: Input): Obj {
  const svc = cp.findService(region, input.ServiceArn as string);
  const domainName = (input.DomainName as string).toLowerCase().replace(/\.$/, "");
  const record = svc.domains.find((d) => d.domainName === domainName);
  if (!record) throw new AwsError("ResourceNotFoundException", `Domain ${domainName} is not associated with service ${svc.arn}`);
  cp.requireStatus(svc, "disassociate a custom domain (DisassociateCustomDomain)", ["RUNNING", "CREATE_FAILED"]);
  svc.domains = svc.domains.filter((d) => d !== record);
  cp.persist();
  cp.opts.routes.delete(domainName);
  if (record.enableWww) cp.opts.routes.delete(`www.${domainName}`);
  cp.syncRoutes(svc);
  cp.event(svc, `Custom domain ${domainName} disassociated.`);
  return { ...targets(svc), CustomDomain: renderCustomDomain(record, cp.domainActive(record.createdAt), "deleting") };
}

function targets(svc: ServiceRecord): Obj {
  return { DNSTarget: serviceHost(svc.name, svc.id), ServiceArn: svc.arn, VpcDNSTargets: [] };
}
