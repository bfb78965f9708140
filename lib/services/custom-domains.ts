// Custom domains: list (with the DNS records to create), associate, disassociate.
import {
  AssociateCustomDomainCommand,
  DescribeCustomDomainsCommand,
  DisassociateCustomDomainCommand,
  type AppRunnerClient,
  type CustomDomain,
} from "@aws-sdk/client-apprunner";

export interface CustomDomainView {
  domainName: string;
  status: string;
  enableWww: boolean;
  records: { name: string; type: string; value: string; status: string }[];
}

export interface CustomDomainsView {
  dnsTarget?: string;
  domains: CustomDomainView[];
}

function toView(d: CustomDomain): CustomDomainView {
  return {
    domainName: d.DomainName ?? "",
    status: d.Status ?? "",
    enableWww: d.EnableWWWSubdomain ?? false,
    records: (d.CertificateValidationRecords ?? []).map((r) => ({ name: r.Name ?? "", type: r.Type ?? "CNAME", value: r.Value ?? "", status: r.Status ?? "" })),
  };
}

export async function listCustomDomains(client: AppRunnerClient, serviceArn: string): Promise<CustomDomainsView> {
  const domains: CustomDomainView[] = [];
  let dnsTarget: string | undefined;
  let nextToken: string | undefined;
  do {
    const page = await client.send(new DescribeCustomDomainsCommand({ ServiceArn: serviceArn, MaxResults: 5, NextToken: nextToken }));
    dnsTarget ??= page.DNSTarget;
    domains.push(...(page.CustomDomains ?? []).map(toView));
    nextToken = page.NextToken;
  } while (nextToken);
  return { dnsTarget, domains };
}

export async function associateCustomDomain(client: AppRunnerClient, serviceArn: string, domainName: string, enableWww: boolean): Promise<CustomDomainView> {
  const out = await client.send(new AssociateCustomDomainCommand({ ServiceArn: serviceArn, DomainName: domainName, EnableWWWSubdomain: enableWww }));
  return out.CustomDomain ? toView(out.CustomDomain) : { domainName, status: "CREATING", enableWww, records: [] };
}

export async function disassociateCustomDomain(client: AppRunnerClient, serviceArn: string, domainName: string): Promise<void> {
  await client.send(new DisassociateCustomDomainCommand({ ServiceArn: serviceArn, DomainName: domainName }));
}
