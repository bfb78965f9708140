// The dashboard's services table is in the first HTML the server sends: a browser with
// JavaScript off (or one still loading the bundle) sees the table and its rows, not a grey
// placeholder. Only the fleet figures, sparklines and costs come later, each in its own spot.
import { test, expect } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { createNodeService, deleteService } from "./support/runtime-service";

const name = `e2e-first-${randomBytes(3).toString("hex")}`;
let service: { ServiceArn: string } | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  service = await createNodeService(name);
});
test.afterAll(async () => {
  if (service) await deleteService(service.ServiceArn);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the services table and its rows render from the server's HTML", async ({ page }) => {
    await page.goto(`/services?q=${name}`);
    const table = page.getByTestId("services-table");
    await expect(table).toBeVisible();
    const row = table.locator(`tr[data-service="${name}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByRole("link", { name, exact: true })).toHaveAttribute("href", /^\/services\/us-east-1\/[0-9a-f]{32}$/);
    await expect(row).toContainText("Running");
    await expect(page.getByTestId("services-count")).toHaveText("1 service");
    // No page-wide placeholder: the only ones left are the fleet figures' own.
    await expect(page.getByLabel("Loading", { exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Loading services")).toHaveCount(0);
  });
});

test("with JavaScript the fleet figures fill in after the table", async ({ page }) => {
  await page.goto(`/services?q=${name}`);
  await expect(page.getByTestId("services-table").locator(`tr[data-service="${name}"]`)).toBeVisible();
  // Generous: the figures come from CloudWatch through the console on a possibly loaded machine.
  await expect(page.getByTestId("fleet-requests")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel("Loading fleet metrics")).toHaveCount(0);
});
