// A reader in another zone and locale than the server (Tokyo and German against a UTC server):
// every page that shows times renders without a hydration error (React #418 when the server and
// the browser print different text) and, once hydrated, shows instants in the reader's zone.
import { test, expect, type Locator, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { watchConsoleErrors } from "./support/console-errors";
import { createNodeService, deleteService } from "./support/runtime-service";

test.use({ timezoneId: "Asia/Tokyo", locale: "de-DE" });

const tag = randomBytes(3).toString("hex");
const name = `e2e-tz-${tag}`;
let service: { ServiceArn: string; ServiceId: string } | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  service = await createNodeService(name);
});
test.afterAll(async () => {
  if (service) await deleteService(service.ServiceArn);
});

/** An instant as the reader sees it once the page is live: local time and Tokyo's offset. */
const tokyoTime = /^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?\sUTC\+9$/;

async function expectTokyo(time: Locator) {
  await expect(time).toHaveText(tokyoTime);
  // The tooltip keeps the UTC value, nine hours earlier.
  const [text, title, iso] = await Promise.all([time.textContent(), time.getAttribute("title"), time.getAttribute("datetime")]);
  const utc = new Date(iso ?? "");
  const local = new Date(utc.getTime() + 9 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
  expect(text?.startsWith(local)).toBe(true);
  expect(title).toBe(`${utc.toISOString().slice(0, 19).replace("T", " ")} UTC`);
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
}

test("pages with times hydrate cleanly in Tokyo with a German locale, and show Tokyo time", async ({ page }) => {
  test.setTimeout(300_000); // many page loads on a loaded machine; no timing is asserted
  const browserConsole = watchConsoleErrors(page);
  const servicePath = `/services/us-east-1/${service!.ServiceId}`;

  // Dashboard and the service page (overview and activity); reading the page records history v1.
  await open(page, `/services?q=${name}`);
  await expectTokyo(page.getByTestId("services-table").locator("time").first());
  await open(page, servicePath);
  await expectTokyo(page.getByRole("tabpanel").locator("time").first());

  // History tab.
  await open(page, `${servicePath}?tab=history`);
  await expectTokyo(page.getByRole("table", { name: "Versions" }).locator("tbody time").first());

  // Schedule tab: its times are in the schedule's own zone, the same on server and browser.
  await open(page, `${servicePath}?tab=schedule`);
  const form = page.getByRole("form", { name: "Schedule" });
  await form.getByLabel("Time zone").fill("Europe/Berlin");
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(form.getByTestId("form-success")).toContainText("Schedule saved");
  await open(page, `${servicePath}?tab=schedule`);
  await expect(page.getByTestId("next-pause")).toContainText("(Europe/Berlin)");

  // Catalog entry: when its configuration was read.
  await open(page, "/catalog");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByTestId("sync-result")).toContainText(/Synced \d+ regions?: /);
  await page.getByTestId("catalog-row").filter({ hasText: name }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/catalog\/[a-z0-9]+$/);
  await page.reload();
  await expectTokyo(page.getByTestId("readiness-summary").locator("time"));

  // Costs: a saved scenario in the list and on its own page.
  await open(page, "/costs/new");
  await page.getByLabel("Estimate name").fill(`tz ${tag}`);
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page).toHaveURL(/\/costs\/c[a-z0-9]+$/);
  await page.reload();
  await expectTokyo(page.locator("main p time").first());
  await open(page, "/costs");
  await expectTokyo(page.getByRole("row", { name: new RegExp(`tz ${tag}`) }).locator("time"));

  // Audit: the newest events (this test's own) in Tokyo time.
  await open(page, "/audit");
  await expectTokyo(page.getByTestId("audit-row").first().locator("time").first());

  expect(browserConsole.errors).toEqual([]);
});
