// Steps several specs take through the console's own forms.
import { expect, type Page } from "@playwright/test";
import { createServer } from "node:net";

/** The service page's status badge. */
export const statusBadge = (page: Page) => page.getByTestId("service-status").first();

/** Create service with a name and a repository (the form's defaults otherwise); ends on the new service's page. */
export async function createServiceThroughForm(page: Page, name: string, repository: string): Promise<void> {
  await page.goto("/services/new");
  const form = page.getByRole("form", { name: "Create service" });
  await form.getByLabel("Service name").fill(name);
  await form.getByLabel("Repository URL or local path").fill(repository);
  await form.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/services\/us-east-1\/[0-9a-f]+\?op=/);
}

/** A loopback port with nothing listening. */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Adds (as an admin) a local-runtime connection whose endpoint has nothing listening: every read fails. */
export async function addUnreachableConnection(page: Page, name: string, regions: string[]): Promise<void> {
  await page.goto("/settings/connections/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Kind").selectOption("local");
  await page.getByLabel("Endpoint URL").fill(`http://127.0.0.1:${await closedPort()}`);
  await page.getByLabel("Regions").fill(regions.join(", "));
  await page.getByLabel("Default region").fill(regions[0]!);
  await page.getByLabel("Access key ID").fill("e2e-key");
  await page.getByLabel("Secret access key").fill("e2e-secret");
  await page.getByRole("button", { name: "Add connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}
