// Kept apart from service-view.ts so client components importing it do not pull zod in.
import type { ServiceStatus } from "./service-view";

/** Which operations App Runner accepts in each service state. */
export function allowedOperations(status: ServiceStatus): { pause: boolean; resume: boolean; deploy: boolean; update: boolean; delete: boolean } {
  return {
    pause: status === "RUNNING",
    resume: status === "PAUSED",
    deploy: status === "RUNNING",
    update: status === "RUNNING" || status === "CREATE_FAILED",
    delete: status !== "OPERATION_IN_PROGRESS" && status !== "DELETED",
  };
}
