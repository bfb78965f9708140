import Link from "next/link";
import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { describeAwsError, type AwsErrorView } from "@/lib/services/aws-error";
import { AwsErrorPanel } from "@/components/services/aws-error-panel";
import { currentOperation, listOperations } from "@/lib/services/list-operations";
import { LiveStatus } from "@/components/services/live-status";
import { loadServicePage } from "@/components/services/load-service-page";
import { LogViewer } from "@/components/services/log-viewer";
import { LiveServiceUrl } from "@/components/services/service-url";
import { ServiceActions } from "@/components/services/service-actions";
import { TabSkeleton } from "@/components/services/tab-skeleton";
import { ScheduleLine } from "@/components/schedules/schedule-line";
import type { ServiceTab, ServiceTabContext } from "@/components/services/service-tabs";
import { serviceTabs } from "./tabs";

type Params = { region: string; id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `Service ${(await params).id.slice(0, 8)}` };
}

export default async function ServicePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("read");
  const { region, id } = await params;
  const sp = await searchParams;
  const loaded = await loadServicePage(region, id);
  if ("panel" in loaded) return loaded.panel;
  const { client, view } = loaded;
  const op = view.status === "OPERATION_IN_PROGRESS" ? await currentOperation(client, view.arn).catch(() => undefined) : undefined;
  const initial = { status: view.status, ...(op ? { operation: { id: op.id, type: op.type, status: op.status } } : {}) };
  const canOperate = can(user.role, "services:operate");
  const tab = serviceTabs.find((t) => t.id === sp.tab) ?? serviceTabs[0];
  // The operation to follow: the one just started (?op=), the one running now, or for a
  // failed create the last one (its deployment log says why).
  const failed = view.status === "CREATE_FAILED" ? (await listOperations(client, view.arn, 1).catch(() => []))[0] : undefined;
  const followOp = sp.op ?? op?.id ?? failed?.id;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <p className="muted text-xs">
            <Link href="/services" className="hover:underline">
              Services
            </Link>{" "}
            / {region}
          </p>
          <h1 className="flex items-center gap-2 text-xl font-semibold tracking-tight">
            {view.name} <LiveStatus region={region} id={id} initial={initial} refreshOnSettle />
          </h1>
          {view.link ? <LiveServiceUrl region={region} id={id} initial={initial} url={view.url} link={view.link} display="link" className="text-sm" /> : null}
          <ScheduleLine arn={view.arn} href={`/services/${region}/${id}?tab=schedule`} />
        </div>
        {canOperate ? <ServiceActions region={region} id={id} name={view.name} arn={view.arn} initial={initial} /> : null}
      </div>

      {followOp && (view.status === "OPERATION_IN_PROGRESS" || sp.op || failed) ? (
        <section className="space-y-2" aria-label="Operation progress">
          <h2 className="text-sm font-semibold">
            {op ? `${op.type.toLowerCase().replace(/_/g, " ")} in progress` : failed ? "Creation failed" : "Latest operation"}: build and deployment log
          </h2>
          <LogViewer region={region} id={id} streamPrefix={`deployment/${followOp}`} defaultSource="service" defaultFollow={view.status === "OPERATION_IN_PROGRESS"} compact />
        </section>
      ) : null}

      <nav className="flex gap-1 overflow-x-auto border-b border-[var(--border)]" aria-label="Service sections" role="tablist">
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
