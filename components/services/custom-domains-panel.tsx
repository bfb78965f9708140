"use client";
// List, associate (then show the CNAME records to create), disassociate.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { CustomDomainsView } from "@/lib/services/custom-domains";
import { associateDomainAction, disassociateDomainAction } from "@/lib/services/service-actions";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "./status-badge";
import { InlineError } from "@/components/ui/form-message";

export function CustomDomainsPanel({ arn, initial, canOperate }: { arn: string; initial: CustomDomainsView; canOperate: boolean }) {
  const [domain, setDomain] = useState("");
  const [www, setWww] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const data = initial;
  // Re-read while App Runner is still working on a domain (certificate, binding, deletion).
  const settling = data.domains.some((d) => ["CREATING", "PENDING_CERTIFICATE_DNS_VALIDATION", "BINDING_CERTIFICATE", "DELETING"].includes(d.status));
  useEffect(() => {
    if (!settling) return;
    const timer = setInterval(() => router.refresh(), 5_000);
    return () => clearInterval(timer);
  }, [settling, router]);

  return (
    <div className="space-y-4">
      {data.dnsTarget ? (
        <p className="text-sm">
          Point your domain at <code className="font-mono">{data.dnsTarget}</code> (CNAME, or ALIAS for a root domain).
        </p>
      ) : null}
      {canOperate ? (
        <form
          className="flex flex-wrap items-center gap-2"
          aria-label="Associate a custom domain"
          onSubmit={(e) => {
            e.preventDefault();
            setMessage(null);
            startTransition(async () => {
              const r = await associateDomainAction({ serviceArn: arn, domainName: domain, enableWww: www });
              if (!r.ok) return setMessage(r.fieldErrors?.domainName?.[0] ?? r.message);
              setDomain("");
              router.refresh();
            });
          }}
        >
          <input aria-label="Domain name" className="input w-72" placeholder="app.example.com" value={domain} onChange={(e) => setDomain(e.target.value)} />
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={www} onChange={(e) => setWww(e.target.checked)} /> also www.
          </label>
          <Button type="submit" disabled={pending || !domain.trim()}>
            Associate domain
          </Button>
        </form>
      ) : null}
      <InlineError message={message} />
      {data.domains.length === 0 ? <p className="muted text-sm">No custom domains.</p> : null}
      {data.domains.map((d) => (
        <section key={d.domainName} className="surface space-y-2 p-3" data-domain={d.domainName}>
          <div className="flex items-center justify-between gap-2">
            <div className="flex items-center gap-2">
              <strong className="font-mono">{d.domainName}</strong>
              <StatusBadge status={d.status} />
              {d.enableWww ? <span className="muted text-xs">+ www</span> : null}
            </div>
            {canOperate ? (
              <Button
                variant="ghost"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const r = await disassociateDomainAction({ serviceArn: arn, domainName: d.domainName });
                    if (!r.ok) setMessage(r.message);
                    router.refresh();
                  })
                }
              >
                Disassociate
              </Button>
            ) : null}
          </div>
          {d.records.length ? (
            <table className="w-full text-xs" data-testid="validation-records">
              <thead className="text-left">
                <tr>
                  <th className="py-1 pr-2 font-medium">Record name</th>
                  <th className="py-1 pr-2 font-medium">Type</th>
                  <th className="py-1 pr-2 font-medium">Value</th>
                  <th className="py-1 font-medium">Status</th>
                </tr>
              </thead>
              <tbody>
                {d.records.map((r) => (
                  <tr key={r.name}>
                    <td className="py-1 pr-2 font-mono break-all">{r.name}</td>
                    <td className="py-1 pr-2">{r.type}</td>
                    <td className="py-1 pr-2 font-mono break-all">{r.value}</td>
                    <td className="py-1">{r.status.toLowerCase().replace(/_/g, " ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted text-xs">Validation records appear once App Runner has requested the certificate.</p>
          )}
        </section>
      ))}
    </div>
  );
}
