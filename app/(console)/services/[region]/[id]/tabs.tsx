// Tab registry for the service page. Add a tab with one entry (metrics comes next).
import { exportApprunnerYaml } from "@/lib/services/export-apprunner-yaml";
import { exportCliCommand } from "@/lib/services/export-cli-command";
import { listCustomDomains } from "@/lib/services/custom-domains";
import { listOperations } from "@/lib/services/list-operations";
import { listTags } from "@/lib/services/list-tags";
import { servicesTarget } from "@/lib/services/services-client";
import { ActivityList } from "@/components/services/activity-list";
import { CustomDomainsPanel } from "@/components/services/custom-domains-panel";
import { ExportPanel } from "@/components/services/export-panel";
import { LogViewer } from "@/components/services/log-viewer";
import { ServiceConfiguration, ServiceOverview } from "@/components/services/service-overview";
import type { ServiceTab } from "@/components/services/service-tabs";
import { CostTab } from "@/components/costs/cost-tab";

export const serviceTabs: ServiceTab[] = [
  {
    id: "overview",
    label: "Overview",
    render: async ({ view, region, id, liveStatus }) => {
      const { client } = await servicesTarget(region);
      const tags = await listTags(client, view.arn).catch(() => []);
      return <ServiceOverview view={view} tags={tags} region={region} id={id} liveStatus={liveStatus} />;
    },
  },
  {
    id: "activity",
    label: "Activity",
    render: async ({ view, region, id }) => {
      const { client } = await servicesTarget(region);
      return <ActivityList region={region} id={id} initial={await listOperations(client, view.arn)} />;
    },
  },
  { id: "logs", label: "Logs", render: ({ region, id }) => <LogViewer region={region} id={id} /> },
  { id: "configuration", label: "Configuration", render: ({ view }) => <ServiceConfiguration view={view} /> },
  {
    id: "domains",
    label: "Custom domains",
    render: async ({ view, region, canOperate }) => {
      const { client } = await servicesTarget(region);
      return <CustomDomainsPanel arn={view.arn} initial={await listCustomDomains(client, view.arn)} canOperate={canOperate} />;
    },
  },
  { id: "cost", label: "Cost", render: ({ region, id }) => <CostTab region={region} id={id} /> },
  {
    id: "export",
    label: "Export",
    render: async ({ view, region }) => {
      const { connection, client } = await servicesTarget(region);
      const tags = await listTags(client, view.arn).catch(() => []);
      const cli = exportCliCommand(view, { region, endpointUrl: connection.kind === "local" ? (connection.endpoint ?? undefined) : undefined, tags });
      return <ExportPanel yaml={exportApprunnerYaml(view)} cli={cli} />;
    },
  },
];
