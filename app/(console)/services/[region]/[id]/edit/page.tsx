import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listAutoScalingOptions, type AutoScalingOption } from "@/lib/services/list-auto-scaling-configurations";
import { listTags } from "@/lib/services/list-tags";
import { toFormValues } from "@/lib/services/service-view";
import { loadServicePage } from "@/components/services/load-service-page";
import { PageHeader } from "@/components/ui/page-header";
import { ServiceForm } from "@/components/services/service-form";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ region: string; id: string }> }) {
  await requireUser("services:operate");
  const { region, id } = await params;
  const loaded = await loadServicePage(region, id);
  if ("panel" in loaded) return loaded.panel;
  const { client, view } = loaded;
  const [options, tags] = await Promise.all([
    listAutoScalingOptions(client).catch((): AutoScalingOption[] => []),
    listTags(client, view.arn).catch(() => []),
  ]);
  const current = view.autoScaling?.arn;
  if (current && !options.some((o) => o.arn === current)) options.unshift({ arn: current, label: `${view.autoScaling?.name ?? "current"} #${view.autoScaling?.revision ?? ""}` });
  return (
    <>
      <PageHeader title={`Edit ${view.name}`} description="Only the settings you change are sent to App Runner. Secret values stay as they are unless you type new ones." />
      <ServiceForm mode="update" initial={{ ...toFormValues(view), tags }} region={region} serviceId={id} serviceArn={view.arn} autoScalingOptions={options} />
    </>
  );
}
