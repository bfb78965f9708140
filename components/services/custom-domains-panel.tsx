"use client";
// List, associate (then show the DNS records to create), disassociate. While App Runner works on
// a domain (certificate, binding, removal) the list polls, so "active" shows up without a reload.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import type { CustomDomainsView } from "@/lib/services/custom-domains";
import { statusLabel } from "@/lib/services/status-labels";
import { associateDomainAction, disassociateDomainAction } from "@/lib/services/service-actions";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/form-message";
import { CopyButton } from "./copy-button";
import { StatusBadge } from "./status-badge";

// App Runner reports these in lower case, though its model spells them in upper case.
const SETTLING = new Set(["CREATING", "PENDING_CERTIFICATE_DNS_VALIDATION", "BINDING_CERTIFICATE", "DELETING"]);
const settling = (status: string) => SETTLING.has(status.toUpperCase());

/** A DNS token on one line that scrolls inside its box rather than breaking mid-token. */
function Token({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <code className="min-w-0 overflow-x-auto font-mono whitespace-nowrap">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

export function CustomDomainsPanel({ region, id, arn, initial, canOperate }: { region: string; id: string; arn: string; initial: CustomDomainsView; canOperate: boolean }) {
  const [domain, setDomain] = useState("");
  const [www, setWww] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const key = ["service-domains", region, id];
  const { data } = useQuery({
    queryKey: key,
    queryFn: async (): Promise<CustomDomainsView> => {
      const res = await fetch(`/api/services/${encodeURIComponent(region)}/${encodeURIComponent(id)}/domains`, { cache: "no-store" });
      if (!res.ok) throw new Error(`custom domains ${res.status}`);
      return (await res.json()) as CustomDomainsView;
    },
    initialData: initial,
    staleTime: 1_000,
    refetchInterval: (q) => (q.state.data?.domains.some((d) => settling(d.status)) ? 2_000 : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  return (
    <div className="space-y-4">
      {data.dnsTarget ? (
        <div className="space-y-1 text-sm">
          <p>Point your domain at this target (CNAME, or ALIAS for a root domain):</p>
          <Token value={data.dnsTarget} label="DNS target" />
        </div>
      ) : null}
      {canOperate ? (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label="Associate a custom domain"
          onSubmit={(e) => {
            e.preventDefault();
            setMessage(null);
            setDone(null);
            const name = domain.trim();
            startTransition(async () => {
              const r = await associateDomainAction({ serviceArn: arn, domainName: name, enableWww: www });
              if (!r.ok) return setMessage(r.fieldErrors?.domainName?.[0] ?? r.message);
              setDomain("");
              setDone(`Associated ${name}. Create the DNS records shown under it; App Runner then validates the certificate and activates the domain.`);
              await refresh();
            });
          }}
        >
          <label className="flex flex-col gap-1 text-sm font-medium">
            Domain name
            <input className="input w-72 max-w-full font-normal" placeholder="app.example.com" value={domain} onChange={(e) => setDomain(e.target.value)} />
          </label>
          <label className="flex items-center gap-1.5 py-2 text-sm">
            <input type="checkbox" checked={www} onChange={(e) => setWww(e.target.checked)} /> also www.
          </label>
          <Button type="submit" disabled={pending || !domain.trim()}>
            Associate domain
          </Button>
        </form>
      ) : null}
      <InlineError message={message} />
      {done ? (
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          {done}
        </p>
      ) : null}
      {data.domains.length === 0 ? <p className="muted text-sm">No custom domains.</p> : null}
      {data.domains.map((d) => (
        <section key={d.domainName} className="surface space-y-2 p-3" data-domain={d.domainName} data-status={d.status}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex min-w-0 flex-wrap items-center gap-2">
              <strong className="font-mono break-all">{d.domainName}</strong>
              <StatusBadge status={d.status} />
              {d.enableWww ? <span className="muted text-xs">+ www</span> : null}
            </div>
            {canOperate ? (
              <Button
                variant="ghost"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    setDone(null);
                    const r = await disassociateDomainAction({ serviceArn: arn, domainName: d.domainName });
                    if (!r.ok) setMessage(r.message);
                    else setDone(`Removing ${d.domainName}.`);
                    await refresh();
                  })
                }
              >
                Disassociate
              </Button>
            ) : null}
          </div>
          {d.records.length ? (
            <ul className="space-y-2 text-xs" data-testid="validation-records" aria-label={`DNS records for ${d.domainName}`}>
              {d.records.map((r) => (
                <li key={r.name} className="grid grid-cols-[4.5rem_minmax(0,1fr)] gap-x-2 gap-y-1 rounded border border-[var(--border)] p-2">
                  <span className="muted">Name</span>
                  <Token value={r.name} label={`record name ${r.name}`} />
                  <span className="muted">Type</span>
                  <span>{r.type}</span>
                  <span className="muted">Value</span>
                  <Token value={r.value} label={`record value for ${r.name}`} />
                  <span className="muted">Status</span>
                  <span title={r.status}>{statusLabel(r.status)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted text-xs">Validation records appear once App Runner has requested the certificate.</p>
          )}
        </section>
      ))}
    </div>
  );
}
