import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { describeAwsError } from "@/lib/services/aws-error";
import { describeService } from "@/lib/services/describe-service";
import { AwsErrorPanel } from "@/components/services/aws-error-panel";
import { listAutoScalingOptions, type AutoScalingOption } from "@/lib/services/list-auto-scaling-configurations";
import { listTags } from "@/lib/services/list-tags";
import { servicesTarget } from "@/lib/services/services-client";
import { toFormValues, toServiceView } from "@/lib/services/service-view";
import { PageHeader } from "@/components/ui/page-header";
import { ServiceForm } from "@/components/services/service-form";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ region: string; id: string }> }) {
  await requireUser("services:operate");
  const { region, id } = await params;
  const { client } = await servicesTarget(region);
  let service: Awaited<ReturnType<typeof describeService>>;
  try {
    service = await describeService(client, region, id);
  } catch (err) {
    return <AwsErrorPanel what="this service" error={describeAwsError(err)} />;
  }
  if (!service) notFound();
  const view = toServiceView(service);
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
