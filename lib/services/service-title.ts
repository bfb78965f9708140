// The browser tab's title for a service page: its name (from the ARN, which the page's own
// lookup has usually cached), never shown to someone who may not read it.
import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { resolveServiceArn } from "./describe-service";
import { servicesTarget } from "./services-client";

export async function serviceTitle(region: string, id: string): Promise<string> {
  const fallback = `Service ${id.slice(0, 8)}`;
  if (!(await getCurrentUser())) return fallback;
  try {
    const { client } = await servicesTarget(region);
    const arn = await resolveServiceArn(client, region, id);
    return arn?.split("/")[1] ?? fallback;
  } catch {
    // An unreachable endpoint: the page itself shows the error; the title needs no second one.
    return fallback;
  }
}
