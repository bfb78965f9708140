import type { AppRunnerClient } from "@aws-sdk/client-apprunner";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AwsContextError } from "@/lib/aws/clients";
import { describeAwsError } from "@/lib/services/aws-error";
import { describeService } from "@/lib/services/describe-service";
import { servicesTarget } from "@/lib/services/services-client";
import { toServiceView, type ServiceView } from "@/lib/services/service-view";
import { recordDriftOnRead } from "@/lib/history/record-change";
import { AwsErrorPanel } from "./aws-error-panel";

/**
 * The service a page is about, through the current connection: a missing or deleted service is notFound(),
 * and an AWS failure comes back as the panel to render instead of the page.
 */
export async function loadServicePage(region: string, id: string): Promise<{ client: AppRunnerClient; view: ServiceView } | { panel: ReactNode }> {
  const target = await servicesTarget(region).catch((err: unknown) => {
    // A region the connection does not list is a page that does not exist, not an outage.
    if (err instanceof AwsContextError && err.code === "unknown_region") notFound();
    throw err;
  });
  const { client } = target;
  let service: Awaited<ReturnType<typeof describeService>>;
  try {
    service = await describeService(client, region, id);
  } catch (err) {
    return { panel: <AwsErrorPanel what="this service" error={describeAwsError(err)} /> };
  }
  if (!service || service.Status === "DELETED") notFound();
  // A change made outside Runway (console, CLI) shows up in the History tab from this read on.
  await recordDriftOnRead(client, target.connection.id, region, service);
  return { client, view: toServiceView(service) };
}
