// The service page's tabs, as one list: a feature adds its tab with one entry here (the
// metrics issue adds { id: "metrics", ... }). Each tab renders on the server.
import type { ReactNode } from "react";
import type { ServiceView } from "@/lib/services/service-view";
import type { LiveStatusData } from "./live-status";

export interface ServiceTabContext {
  view: ServiceView;
  region: string;
  id: string;
  canOperate: boolean;
  /** The status the page rendered with; live parts poll from it. */
  liveStatus: LiveStatusData;
}

export interface ServiceTab {
  id: string;
  label: string;
  render: (ctx: ServiceTabContext) => ReactNode | Promise<ReactNode>;
}
