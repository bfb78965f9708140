// Every main page fits a phone (390 × 844) and a laptop (1280 × 800): the document itself never
// scrolls sideways (a table may, inside its own box). On the phone the sections, the theme
// switch, the user's name and Sign out are on screen. No browser console errors on the way.
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { createNodeService, deleteService } from "./support/runtime-service";
import { watchConsoleErrors } from "./support/console-errors";

test.describe.configure({ mode: "serial" });

// A long name: the page header and the URL are the widest things on a service page.
const name = `e2e-layout-${randomBytes(3).toString("hex")}-wrapping-check-x`;
let service: { ServiceArn: string; ServiceId: string } | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  service = await createNodeService(name);
});
test.afterAll(async () => {
  if (service) await deleteService(service.ServiceArn);
});

/** How far the document is wider than the window (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const pages = [
  { label: "dashboard", path: () => `/services?q=${name}`, ready: (p: Page) => p.getByTestId("services-table") },
  { label: "service page", path: () => `/services/us-east-1/${service!.ServiceId}`, ready: (p: Page) => p.getByRole("tabpanel").getByText("Created") },
  { label: "service history", path: () => `/services/us-east-1/${service!.ServiceId}?tab=history`, ready: (p: Page) => p.getByRole("table", { name: "Versions" }) },
  { label: "service migrate", path: () => `/services/us-east-1/${service!.ServiceId}?tab=migrate`, ready: (p: Page) => p.getByText("No saved plan yet.") },
  { label: "service logs", path: () => `/services/us-east-1/${service!.ServiceId}?tab=logs`, ready: (p: Page) => p.getByTestId("log-lines") },
  { label: "audit", path: () => "/audit", ready: (p: Page) => p.getByTestId("audit-table") },
];

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`${viewport.width} px: no page scrolls sideways`, async ({ page }) => {
    test.setTimeout(240_000); // six full page loads on a loaded machine
    const browserConsole = watchConsoleErrors(page);
    await page.setViewportSize(viewport);
    for (const p of pages) {
      await page.goto(p.path());
      await expect(p.ready(page).first()).toBeVisible();
      await expect.poll(() => overflow(page), { message: `${p.label} is wider than ${viewport.width} px` }).toBeLessThanOrEqual(0);
    }
    expect(browserConsole.errors).toEqual([]);
  });
}

test("390 px: navigation, theme, the user and Sign out are reachable; service tabs all on screen", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/services");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
  await expect(page.getByRole("button", { name: /^Theme:/ })).toBeInViewport();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Audit" })).toBeVisible();

  await page.goto(`/services/us-east-1/${service!.ServiceId}`);
  for (const tab of ["Overview", "Logs", "Custom domains", "Export"]) await expect(page.getByRole("tab", { name: tab })).toBeInViewport();
  await expect(page.getByTestId("service-url")).toBeInViewport();
});

test("1280 px: the dashboard shows every column of a service without scrolling its table", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/services?q=${name}`);
  const table = page.getByTestId("services-table");
  await expect(table).toBeVisible();
  const scroll = await table.evaluate((t) => (t.parentElement ? t.parentElement.scrollWidth - t.parentElement.clientWidth : 0));
  expect(scroll).toBeLessThanOrEqual(0);
  await expect(table.getByRole("columnheader", { name: "Updated" })).toBeInViewport();
  // The URL and the source are shown whole, not cut short.
  const row = page.locator(`tr[data-service="${name}"]`);
  await expect(row.getByTestId("service-url")).toHaveText(/\.localhost:\d+$/);
  await expect(row).toContainText("examples/node-hello");
});
