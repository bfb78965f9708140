"use client";
// A service's URL: a link only while it answers with the app; otherwise plain text with a
// short note, so nobody clicks through to a paused or unfinished service.
import { serviceUrlState } from "@/lib/services/service-url-state";
import { useServiceStatus, type LiveStatusData } from "./live-status";

export interface ServiceUrlProps {
  /** The URL as App Runner reports it (a bare host). */
  url?: string;
  /** The same URL with its scheme, for href. */
  link?: string;
  status: string;
  operationType?: string;
  /** Shown as the text: the bare host (tables) or the full link (service page). */
  display?: "url" | "link";
  className?: string;
  testId?: string;
}

export function ServiceUrl({ url, link, status, operationType, display = "url", className = "", testId }: ServiceUrlProps) {
  if (!link) return <>—</>;
  const text = display === "link" ? link : (url ?? link);
  const state = serviceUrlState(status, operationType);
  if (state.serving) {
    return (
      <a href={link} target="_blank" rel="noreferrer" title={text} className={`text-[var(--accent)] break-all hover:underline ${className}`} data-testid={testId} data-serving="true">
        {text}
      </a>
    );
  }
  return (
    <span className={`block ${className}`} data-testid={testId} data-serving="false">
      <span className="block break-all" title={text}>
        {text}
      </span>
      <span className="muted block text-xs">{state.note}</span>
    </span>
  );
}

/** ServiceUrl following the polled status, so it turns into a link as the service starts serving. */
export function LiveServiceUrl({ region, id, initial, ...rest }: Omit<ServiceUrlProps, "status" | "operationType"> & { region: string; id: string; initial: LiveStatusData }) {
  const { data } = useServiceStatus(region, id, initial);
  return <ServiceUrl {...rest} status={data.status} operationType={data.operation?.type} />;
}
