import "server-only";
import { Time } from "@/components/ui/time";
import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { canEditEntry, entryFieldsOf, getCatalogEntry, readinessOf, type CatalogEntryDetail } from "@/lib/catalog/catalog-entries";
import { linkField, linkKinds, linkTitles, parseTagsJson } from "@/lib/catalog/catalog-model";
import { parseFacts } from "@/lib/catalog/service-facts";
import { refreshEntryFacts } from "@/lib/catalog/sync-catalog";
import { describeAwsError } from "@/lib/services/aws-error";
import { serviceLink } from "@/lib/services/service-view";
import { db } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EntryForm } from "@/components/catalog/entry-form";
import { EntryStatus, TierBadge } from "@/components/catalog/catalog-badges";
import { MirrorTagsButton } from "@/components/catalog/mirror-tags-button";
import { ReadinessList } from "@/components/catalog/readiness-list";
import { mirrorTagsAction, updateEntryAction } from "../actions";

export const metadata: Metadata = { title: "Catalog entry" };

export default async function CatalogEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("read");
  const { id } = await params;
  const entry = await getCatalogEntry(id);
  if (!entry) notFound();
  const editable = can(user.role, "catalog:edit") && (await canEditEntry(user, entry.ownerTeamId));
  const teams = editable ? (await db.team.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((t) => t.name) : [];
  const link = serviceLink(entry.serviceUrl ?? undefined);
  return (
    <>
      <PageHeader
        title={entry.serviceName}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <EntryStatus status={entry.status} gone={entry.gone} />
            <TierBadge tier={entry.tier} />
            <Badge>{entry.lifecycle}</Badge>
            {entry.ownerTeam ? <Link href={`/teams/${entry.ownerTeamId}`}>{entry.ownerTeam.name}</Link> : <Badge tone="amber">No owner</Badge>}
            <span className="font-mono text-xs">{entry.arn}</span>
          </span>
        }
        actions={
          <>
            {!entry.gone ? (
              <Link href={`/services/${entry.region}/${entry.serviceId}`} className={buttonClass("secondary")}>
                Service page
              </Link>
            ) : null}
            <a href={`/catalog/export?entry=${entry.id}`} className={buttonClass("secondary")} download>
              Export YAML
            </a>
          </>
        }
      />
      {entry.gone ? (
        <p role="note" className="surface mb-4 p-3 text-sm">
          This service is gone from AWS (noticed <Time value={entry.goneAt?.toISOString()} />). Its catalog entry and history are kept.
        </p>
      ) : null}
      <div className="grid items-start gap-6 xl:grid-cols-[1fr_420px]">
        <div className="space-y-4">
          <Suspense fallback={<ReadinessList checks={readinessOf(entry)} observedAt={entry.factsAt?.toISOString()} note="Reading the service's current configuration…" />}>
            <LiveReadiness entry={entry} />
          </Suspense>
          <section aria-label="Details" className="surface space-y-2 p-4 text-sm">
            <h2 className="font-semibold">Details</h2>
            <p>{entry.description || <span className="muted">No description.</span>}</p>
            <p>
              System: {entry.system?.name ?? <span className="muted">none</span>} · Region {entry.region}
              {link ? (
                <>
                  {" "}
                  ·{" "}
                  <a href={link} className="underline">
                    {entry.serviceUrl}
                  </a>
                </>
              ) : null}
            </p>
            <ul className="flex flex-wrap gap-3">
              {linkKinds.map((k) => {
                const url = entry[linkField[k]];
                return url ? (
                  <li key={k}>
                    <a href={url} className="underline" rel="noreferrer" target="_blank">
                      {linkTitles[k]}
                    </a>
                  </li>
                ) : null;
              })}
            </ul>
            <p className="flex flex-wrap gap-1">
              {parseTagsJson(entry.tags).map((t) => (
                <Badge key={t} tone="blue">
                  {t}
                </Badge>
              ))}
            </p>
          </section>
        </div>
        {editable ? (
          <div className="space-y-3">
            <EntryForm id={entry.id} values={entryFieldsOf(entry)} teams={teams} action={updateEntryAction} />
            {!entry.gone ? <MirrorTagsButton id={entry.id} action={mirrorTagsAction} /> : null}
          </div>
        ) : (
          <p className="muted surface p-4 text-sm">{can(user.role, "catalog:edit") ? `Only members of ${entry.ownerTeam?.name ?? "the owning team"} or an admin can edit this entry.` : "Viewers cannot edit catalog entries."}</p>
        )}
      </div>
    </>
  );
}

/** Readiness judged on the service's configuration read now (falls back to the last sync's). */
async function LiveReadiness({ entry }: { entry: CatalogEntryDetail }) {
  if (entry.gone) return <ReadinessList checks={readinessOf(entry)} observedAt={entry.factsAt?.toISOString()} note="The service is gone: these results are from its last sync." />;
  const read = await refreshEntryFacts(entry).then(
    (facts) => ({ facts }),
    (err: unknown) => ({ error: describeAwsError(err) }),
  );
  if ("error" in read) {
    return <ReadinessList checks={readinessOf(entry)} observedAt={parseFacts(entry.configFacts)?.observedAt} note={`Could not read the current configuration (${read.error.code}: ${read.error.message}); showing the last sync's.`} />;
  }
  return <ReadinessList checks={readinessOf({ ...entry, configFacts: JSON.stringify(read.facts) })} observedAt={read.facts.observedAt} />;
}
