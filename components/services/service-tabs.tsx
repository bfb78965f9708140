// The service page's tabs, as one list: a feature adds its tab with one entry here (the
// metrics issue adds { id: "metrics", ... }). Each tab renders on the server.
import type { ReactNode } from "react";
import type { ServiceView } from "@/lib/services/service-view";

export interface ServiceTabContext {
  view: ServiceView;
  region: string;
  id: string;
  canOperate: boolean;
}

export interface ServiceTab {
  id: string;
  label: string;
  render: (ctx: ServiceTabContext) => ReactNode | Promise<ReactNode>;
}
