import Link from "next/link";
import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { describeAwsError, type AwsErrorView } from "@/lib/services/aws-error";
import { AwsErrorPanel } from "@/components/services/aws-error-panel";
import { statusOperations } from "@/lib/services/list-operations";
import { toLiveStatusData } from "@/lib/services/live-status-data";
import { LiveStatus } from "@/components/services/live-status";
import { loadServicePage } from "@/components/services/load-service-page";
import { OperationLog } from "@/components/services/operation-log";
import { LiveServiceUrl } from "@/components/services/service-url";
import { ServiceActions } from "@/components/services/service-actions";
import { serviceTitle } from "@/lib/services/service-title";
import { TabSkeleton } from "@/components/services/tab-skeleton";
import { ScheduleLine } from "@/components/schedules/schedule-line";
import type { ServiceTab, ServiceTabContext } from "@/components/services/service-tabs";
import { serviceTabs } from "./tabs";

type Params = { region: string; id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { region, id } = await params;
  return { title: await serviceTitle(region, id) };
}

export default async function ServicePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("read");
  const { region, id } = await params;
  const sp = await searchParams;
  const loaded = await loadServicePage(region, id);
  if ("panel" in loaded) return loaded.panel;
  const { client, view } = loaded;
  // One ListOperations page gives the running and the newest operation; the live parts of the
  // page (badge, buttons, URL, operation log) start from this and follow one polled status.
  const ops = await statusOperations(client, view.arn).catch(() => ({}));
  const initial = toLiveStatusData(view.status, ops);
  const canOperate = can(user.role, "services:operate");
  const tab = serviceTabs.find((t) => t.id === sp.tab) ?? serviceTabs[0];
  // An operation to show even if it has ended: the one just started (?op=), or for a failed
  // create the last one (its deployment log says why).
  const follow = sp.op ?? (view.status === "CREATE_FAILED" ? initial.latest?.id : undefined);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="muted text-xs">
            <Link href="/services" className="hover:underline">
              Services
            </Link>{" "}
            / {region}
          </p>
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight break-all">
            {view.name} <LiveStatus region={region} id={id} initial={initial} refreshOnSettle />
          </h1>
          {view.link ? <LiveServiceUrl region={region} id={id} initial={initial} url={view.url} link={view.link} display="link" className="text-sm" /> : null}
          <ScheduleLine arn={view.arn} region={region} id={id} />
        </div>
        {canOperate ? <ServiceActions region={region} id={id} name={view.name} arn={view.arn} initial={initial} /> : null}
      </div>

      <OperationLog region={region} id={id} initial={initial} follow={follow} />

      {/* Tabs wrap onto a second line on a phone instead of hiding past the edge. */}
      <nav className="flex flex-wrap gap-x-1 border-b border-[var(--border)]" aria-label="Service sections" role="tablist">
        {serviceTabs.map((t) => (
          <Link
            key={t.id}
            role="tab"
            aria-selected={t.id === tab?.id}
            href={`/services/${region}/${id}?tab=${t.id}`}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${t.id === tab?.id ? "border-[var(--accent)] font-medium" : "muted border-transparent hover:text-[var(--fg)]"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <div role="tabpanel">
        <Suspense key={tab?.id} fallback={<TabSkeleton />}>
          {tab ? <TabBody tab={tab} ctx={{ view, region, id, canOperate, liveStatus: initial }} /> : null}
        </Suspense>
      </div>
    </div>
  );
}

async function TabBody({ tab, ctx }: { tab: ServiceTab; ctx: ServiceTabContext }) {
  let content: ReactNode;
  let failure: AwsErrorView | undefined;
  try {
    content = await tab.render(ctx);
  } catch (err) {
    failure = describeAwsError(err);
  }
  return failure ? <AwsErrorPanel what={tab.label.toLowerCase()} error={failure} /> : <>{content}</>;
}
