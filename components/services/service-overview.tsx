// Overview tab: what App Runner reports about the service, in one definition list.
import type { ReactNode } from "react";
import type { ServiceView } from "@/lib/services/service-view";
import { Time } from "@/components/ui/time";
import type { LiveStatusData } from "./live-status";
import { LiveServiceUrl } from "./service-url";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2 border-b border-[var(--border)] py-2 last:border-0 sm:grid-cols-[10rem_minmax(0,1fr)]">
      <dt className="muted text-sm">{label}</dt>
      <dd className="text-sm break-all">{children ?? "—"}</dd>
    </div>
  );
}

export interface ScalingInEffect {
  maxConcurrency?: number;
  minSize?: number;
  maxSize?: number;
}

export function ServiceOverview({
  view,
  tags,
  region,
  id,
  liveStatus,
  scaling,
  scalingControl,
}: {
  view: ServiceView;
  tags: { key: string; value: string }[];
  region: string;
  id: string;
  liveStatus: LiveStatusData;
  /** the configuration's limits (DescribeAutoScalingConfiguration) */
  scaling?: ScalingInEffect;
  /** operators: the form that applies another configuration */
  scalingControl?: ReactNode;
}) {
  const s = view.source;
  const hc = view.healthCheck;
  return (
    <dl className="surface px-4 py-1">
      <Row label="URL">
        <LiveServiceUrl region={region} id={id} initial={liveStatus} url={view.url} link={view.link} display="link" testId="service-url" />
      </Row>
      <Row label="ARN">
        <code className="font-mono text-xs">{view.arn}</code>
      </Row>
      <Row label="Source">
        {s.kind === "image" ? `Image ${s.imageIdentifier} (${s.imageRepositoryType})` : `${s.repositoryUrl} @ ${s.branch}${s.sourceDirectory ? ` (${s.sourceDirectory})` : ""}`}
        {s.kind === "code" ? <span className="muted"> · {s.configurationSource === "REPOSITORY" ? "apprunner.yaml" : `${s.runtime ?? ""}`}</span> : null}
        <span className="muted"> · auto-deploy {s.autoDeploy ? "on" : "off"}</span>
      </Row>
      <Row label="Instance">
        {view.cpu} / {view.memory}
        {view.instanceRoleArn ? <span className="muted"> · role {view.instanceRoleArn}</span> : null}
      </Row>
      <Row label="Health check">
        {hc.protocol}
        {hc.protocol === "HTTP" ? ` ${hc.path ?? "/"}` : ""} · every {hc.interval ?? 5}s, timeout {hc.timeout ?? 2}s, healthy after {hc.healthyThreshold ?? 1}, unhealthy after {hc.unhealthyThreshold ?? 5}
      </Row>
      <Row label="Network">
        egress {view.network.egress.toLowerCase()}
        {view.network.vpcConnectorArn ? ` via ${view.network.vpcConnectorArn}` : ""} · {view.network.publiclyAccessible ? "public" : "private"} ingress
        {view.network.ipAddressType ? ` · ${view.network.ipAddressType}` : ""}
      </Row>
      <Row label="Auto scaling">
        <span data-testid="auto-scaling-in-effect">
          {view.autoScaling ? `${view.autoScaling.name ?? ""} #${view.autoScaling.revision ?? ""}` : "—"}
          {scaling ? <span className="muted"> · MaxConcurrency {scaling.maxConcurrency ?? "?"}, MinSize {scaling.minSize ?? "?"}, MaxSize {scaling.maxSize ?? "?"}</span> : null}
        </span>
        {scalingControl}
      </Row>
      <Row label="Tags">{tags.length ? tags.map((t) => `${t.key}=${t.value}`).join(", ") : "—"}</Row>
      <Row label="Created"><Time value={view.createdAt} seconds /></Row>
      <Row label="Updated"><Time value={view.updatedAt} seconds /></Row>
    </dl>
  );
}

export function ServiceConfiguration({ view }: { view: ServiceView }) {
  const s = view.source;
  return (
    <div className="space-y-4">
      <section className="surface p-4">
        <h3 className="mb-2 text-sm font-semibold">Environment</h3>
        {view.env.length === 0 ? <p className="muted text-sm">No variables.</p> : null}
        <table className="w-full text-sm" data-testid="env-table">
          <tbody>
            {view.env.map((e) => (
              <tr key={e.name} className="border-b border-[var(--border)] last:border-0">
                <td className="py-1.5 pr-3 font-mono">{e.name}</td>
                <td className="py-1.5 font-mono">{e.secret ? <span className="muted italic">secret</span> : e.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="surface p-4 text-sm">
        <h3 className="mb-2 font-semibold">{s.kind === "image" ? "Image" : "Build and run"}</h3>
        <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-y-1 break-all sm:grid-cols-[10rem_minmax(0,1fr)]">
          {s.kind === "code" ? (
            <>
              <dt className="muted">Configuration</dt>
              <dd>{s.configurationSource === "REPOSITORY" ? "apprunner.yaml in the repository" : "set here (API)"}</dd>
              <dt className="muted">Runtime</dt>
              <dd>{s.runtime ?? "—"}</dd>
              <dt className="muted">Build command</dt>
              <dd className="font-mono">{s.buildCommand ?? "—"}</dd>
            </>
          ) : (
            <>
              <dt className="muted">Image</dt>
              <dd className="font-mono break-all">{s.imageIdentifier}</dd>
            </>
          )}
          <dt className="muted">Start command</dt>
          <dd className="font-mono">{s.startCommand ?? "—"}</dd>
          <dt className="muted">Port</dt>
          <dd>{s.port ?? "8080"}</dd>
        </dl>
      </section>
    </div>
  );
}
