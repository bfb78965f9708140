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
  const names = enableWww ? [domainName, `www.${domainName}`] : [domainName];
  refuseClaimed(cp, names);
  if (svc.domains.length >= MAX_DOMAINS) throw new AwsError("InvalidRequestException", `Service ${svc.name} already has ${MAX_DOMAINS} custom domains, the maximum.`);
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
  cp.syncRoutes(svc);
  cp.event(svc, `Custom domain ${domainName} disassociated.`);
  return { ...targets(svc), CustomDomain: renderCustomDomain(record, cp.domainActive(record.createdAt), "deleting") };
}

/**
 * A host name routes to one service only. Service URL hosts live under `localhost` (App Runner's live under
 * awsapprunner.com, which it does not let a customer claim either), and a domain, or its www name, belongs to
 * one service across all regions: the data plane routes by host name alone, whatever the region.
 */
function refuseClaimed(cp: ControlPlane, names: string[]): void {
  for (const name of names) {
    for (const other of cp.state.services) {
      if (other.status === "DELETED") continue;
      if (serviceHost(other.name, other.id) === name) throw new AwsError("InvalidRequestException", `Domain ${name} is the service URL of service ${other.arn} and can't be associated as a custom domain.`);
      if (other.domains.some((d) => domainNames(d).includes(name))) {
        throw new AwsError("InvalidRequestException", `Domain ${name} is already associated with service ${other.arn}`);
      }
    }
    if (name === "localhost" || name.endsWith(".localhost")) {
      throw new AwsError("InvalidRequestException", `Domain ${name} is reserved: names under localhost are service URLs of this runtime and can't be associated as a custom domain.`);
    }
  }
}

function domainNames(d: CustomDomainRecord): string[] {
  return d.enableWww ? [d.domainName, `www.${d.domainName}`] : [d.domainName];
}

function targets(svc: ServiceRecord): Obj {
  return { DNSTarget: serviceHost(svc.name, svc.id), ServiceArn: svc.arn, VpcDNSTargets: [] };
}
