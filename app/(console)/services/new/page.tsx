import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listAutoScalingOptions, type AutoScalingOption } from "@/lib/services/list-auto-scaling-configurations";
import { servicesTarget } from "@/lib/services/services-client";
import { PageHeader } from "@/components/ui/page-header";
import { ServiceForm } from "@/components/services/service-form";

export const metadata: Metadata = { title: "Create service" };

export default async function NewServicePage() {
  await requireUser("services:operate");
  const { region, connection, client } = await servicesTarget();
  const options = await listAutoScalingOptions(client).catch((): AutoScalingOption[] => []);
  return (
    <>
      <PageHeader title="Create service" description={`In ${connection.name}, ${region}.`} />
      <ServiceForm mode="create" region={region} autoScalingOptions={options} />
    </>
  );
}
