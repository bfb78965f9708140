// Tab registry for the service page. Add a tab with one entry.
import { exportApprunnerYaml } from "@/lib/services/export-apprunner-yaml";
import { exportCliCommand } from "@/lib/services/export-cli-command";
import { listCustomDomains } from "@/lib/services/custom-domains";
import { listOperations } from "@/lib/services/list-operations";
import { listTags } from "@/lib/services/list-tags";
import { servicesTarget } from "@/lib/services/services-client";
import { applyAutoScalingAction } from "@/app/(console)/autoscaling/actions";
import { listAutoScalingOptions } from "@/lib/services/list-auto-scaling-configurations";
import { ApplyAutoScalingForm } from "@/components/autoscaling/apply-auto-scaling-form";
import { describeAutoScaling } from "@/lib/autoscaling/describe-auto-scaling";
import { MetricsPanel } from "@/components/metrics/metrics-panel";
import { ActivityList } from "@/components/services/activity-list";
import { CustomDomainsPanel } from "@/components/services/custom-domains-panel";
import { ExportPanel } from "@/components/services/export-panel";
import { LogViewer } from "@/components/services/log-viewer";
import { ServiceConfiguration, ServiceOverview } from "@/components/services/service-overview";
import type { ServiceTab } from "@/components/services/service-tabs";
import { CostTab } from "@/components/costs/cost-tab";
import { HistoryPanel } from "@/components/history/history-panel";
import { rollbackServiceAction } from "@/lib/history/history-actions";
import { loadServiceHistory } from "@/lib/history/load-history";
import { MigrateTab } from "@/components/migrate/migrate-tab";
import { saveMigrationPlanAction } from "@/app/(console)/migrate/actions";
import { SchedulePanel } from "@/components/schedules/schedule-panel";
import { applyScheduleToServicesAction, deleteScheduleAction, saveScheduleAction } from "@/lib/schedules/schedule-actions";

export const serviceTabs: ServiceTab[] = [
  {
    id: "overview",
    label: "Overview",
    render: async ({ view, region, id, liveStatus, canOperate }) => {
      const { client } = await servicesTarget(region);
      const [tags, scaling, options] = await Promise.all([
        listTags(client, view.arn).catch(() => []),
        view.autoScaling?.arn ? describeAutoScaling(client, view.autoScaling.arn).catch(() => undefined) : undefined,
        canOperate ? listAutoScalingOptions(client).catch(() => []) : [],
      ]);
      const control = canOperate && options.length ? <ApplyAutoScalingForm serviceArn={view.arn} current={view.autoScaling?.arn} options={options} apply={applyAutoScalingAction} /> : undefined;
      return <ServiceOverview view={view} tags={tags} region={region} id={id} liveStatus={liveStatus} scaling={scaling} scalingControl={control} />;
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
  {
    id: "history",
    label: "History",
    render: async ({ view, region, id, canOperate }) => {
      const { client } = await servicesTarget(region);
      const history = await loadServiceHistory(client, view.arn);
      return <HistoryPanel key={history.versions[0]?.id ?? "none"} history={history} serviceArn={view.arn} servicePath={`/services/${region}/${id}`} rollback={canOperate ? rollbackServiceAction : undefined} />;
    },
  },
  {
    id: "metrics",
    label: "Metrics",
    render: async ({ view, region, id }) => {
      const { client } = await servicesTarget(region);
      // The limits draw reference lines; the charts still work without them.
      const asc = view.autoScaling?.arn ? await describeAutoScaling(client, view.autoScaling.arn).catch(() => undefined) : undefined;
      const scaling = asc?.maxConcurrency !== undefined && asc.minSize !== undefined && asc.maxSize !== undefined ? { name: `${asc.name} #${asc.revision}`, maxConcurrency: asc.maxConcurrency, minSize: asc.minSize, maxSize: asc.maxSize } : undefined;
      return <MetricsPanel region={region} id={id} serviceName={view.name} scaling={scaling} />;
    },
  },
  { id: "logs", label: "Logs", render: ({ region, id }) => <LogViewer region={region} id={id} /> },
  { id: "configuration", label: "Configuration", render: ({ view }) => <ServiceConfiguration view={view} /> },
  {
    id: "domains",
    label: "Custom domains",
    render: async ({ view, region, id, canOperate }) => {
      const { client } = await servicesTarget(region);
      return <CustomDomainsPanel region={region} id={id} arn={view.arn} initial={await listCustomDomains(client, view.arn)} canOperate={canOperate} />;
    },
  },
  { id: "cost", label: "Cost", render: ({ region, id }) => <CostTab region={region} id={id} /> },
  { id: "migrate", label: "Migrate", render: ({ region, id }) => <MigrateTab region={region} id={id} save={saveMigrationPlanAction} /> },
  {
    id: "schedule",
    label: "Schedule",
    render: async ({ view, region, canOperate }) => {
      const { client } = await servicesTarget(region);
      return <SchedulePanel view={view} client={client} canOperate={canOperate} actions={{ save: saveScheduleAction, remove: deleteScheduleAction, bulk: applyScheduleToServicesAction }} />;
    },
  },
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
