// The cost estimator in Chromium: a scenario from making to deleting, price-table edits that
// leave saved estimates alone, and a usage estimate read from the local runtime's CloudWatch.
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { signInAsNewUser } from "./support/auth";

const tag = randomBytes(3).toString("hex");

async function saveScenario(page: Page, name: string) {
  await page.getByLabel("Estimate name").fill(name);
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page).toHaveURL(/\/costs\/c[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

test("scenario: estimate as you type, bad input at its field, save, edit as a new version, duplicate, compare, delete, audited", async ({ browser }) => {
  test.setTimeout(600_000); // a budget for a loaded 2-core machine, not a timing assertion
  const { context, page, user } = await signInAsNewUser(browser, "operator", "costop");
  await page.goto("/costs");
  await page.getByRole("link", { name: "New scenario" }).click();

  // The breakdown chart and table follow the inputs. Always on, 1 active of 1 vCPU / 2 GB: 730 h × $0.078.
  const scenario = page.getByRole("form", { name: "Scenario" });
  await scenario.getByRole("button", { name: "Always on" }).click();
  for (const [label, value] of [["MinSize (provisioned)", "1"], ["Average active instances", "1"], ["Peak active instances", "2"], ["Requests per month", "1000000"], ["GB out per month", "0"], ["Builds per month", "0"]] as const) {
    await scenario.getByLabel(label).fill(value);
  }
  await scenario.getByLabel(/Automatic deployments/).uncheck();
  await expect(page.getByTestId("cost-chart")).toBeVisible();
  await expect(page.getByTestId("monthly-total")).toHaveText("$56.94");
  await expect(page.getByTestId("cost-per-million")).toHaveText("$56.9400");
  await expect(page.getByRole("table", { name: "App Runner breakdown" })).toContainText("Active vCPU");
  await expect(page.getByTestId("alt-express-arm")).toContainText("ECS Express Mode, Fargate ARM");
  await scenario.getByLabel(/Automatic deployments/).check();
  await expect(page.getByTestId("monthly-total")).toHaveText("$57.94");

  // Bad input: each error at its field, and nothing can be saved.
  await scenario.getByLabel("GB out per month").fill("-5");
  await expect(page.locator("#dataOutGb-error")).toHaveText("GB out per month cannot be negative");
  await scenario.getByLabel("GB out per month").fill("0");
  await scenario.getByLabel("MinSize (provisioned)").fill("5");
  await expect(page.locator("#minSize-error")).toContainText("MinSize (5) is above the peak (2)");
  await page.getByLabel("Estimate name").fill(`refused ${tag}`);
  await page.getByRole("button", { name: "Save estimate" }).click();
  await expect(page.locator("#minSize-error")).toContainText("above the peak");
  await expect(page).toHaveURL(/\/costs\/new$/);
  await scenario.getByLabel("MinSize (provisioned)").fill("1");

  const nameA = `Always on ${tag}`;
  await saveScenario(page, nameA);
  await expect(page.getByTestId("monthly-total")).toHaveText("$57.94");
  const urlA = page.url();

  // Found in the list with its total and author.
  await page.goto("/costs");
  const rowA = page.getByRole("row", { name: new RegExp(nameA) });
  await expect(rowA).toContainText("$57.94");
  await expect(rowA).toContainText(user.email);

  // Edit: a new version; the old one is kept.
  await page.goto(urlA);
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByRole("button", { name: "Office hours" }).click();
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page).toHaveURL(urlA);
  await expect(page.getByText(/version 2 by/)).toBeVisible();
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByRole("row")).toHaveCount(3);
  await expect(versions.getByRole("row", { name: /v1/ })).toContainText("$57.94");
  await page.goto(`${urlA}?v=1`);
  await expect(page.getByTestId("monthly-total")).toHaveText("$57.94");

  // Duplicate, then compare the two: the differing inputs and totals are highlighted.
  await page.goto(urlA);
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: `Copy of ${nameA}` })).toBeVisible();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByRole("button", { name: "Always on" }).click();
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByText(/version 2 by/)).toBeVisible();
  await page.goto("/costs");
  await page.getByLabel(`Compare ${nameA}`, { exact: true }).check();
  await page.getByLabel(`Compare Copy of ${nameA}`).check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  const table = page.getByRole("table", { name: "Comparison" });
  await expect(table.getByRole("row", { name: /Active hours a week/ })).toHaveAttribute("data-differs", "true");
  await expect(table.getByRole("row", { name: /Monthly total/ })).toHaveAttribute("data-differs", "true");
  await expect(table.getByRole("row", { name: /MinSize/ })).not.toHaveAttribute("data-differs", "true");

  // Delete the copy.
  await table.getByRole("link", { name: `Copy of ${nameA}` }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/costs$/);
  await expect(page.getByRole("row", { name: new RegExp(`Copy of ${nameA}`) })).toHaveCount(0);
  await expect(page.getByRole("row", { name: new RegExp(nameA) })).toHaveCount(1);

  // Every save, edit and delete is in the audit history.
  await page.goto(`/audit?actor=${encodeURIComponent(user.email)}`);
  const audit = page.getByTestId("audit-table");
  for (const action of ["estimate.save", "estimate.edit", "estimate.duplicate", "estimate.delete"]) {
    await expect(audit.locator("tr", { hasText: action }).filter({ hasText: "succeeded" }).first()).toBeVisible();
  }
  await context.close();
});

test("viewer reads estimates but cannot save; admin price edits leave saved estimates unchanged", async ({ browser, page }) => {
  test.setTimeout(600_000); // a budget for a loaded 2-core machine, not a timing assertion
  // Admin (the default state) saves an estimate priced with today's us-east-2 table.
  await page.goto("/costs/new");
  const scenario = page.getByRole("form", { name: "Scenario" });
  await scenario.getByLabel("Region").selectOption("us-east-2");
  await scenario.getByRole("button", { name: "Always on" }).click();
  for (const [label, value] of [["Average active instances", "1"], ["Requests per month", "0"], ["GB out per month", "0"], ["Builds per month", "0"]] as const) await scenario.getByLabel(label).fill(value);
  await scenario.getByLabel(/Automatic deployments/).uncheck();
  await expect(page.getByTestId("monthly-total")).toHaveText("$56.94");
  const name = `Priced before edit ${tag}`;
  await saveScenario(page, name);
  const url = page.url();

  // A price table that lacks a figure is refused at that figure; a valid edit is saved.
  await page.goto("/costs/prices");
  const section = page.getByRole("region", { name: "Prices for us-east-2" });
  await section.getByText("Edit us-east-2").click();
  const form = section.getByRole("form", { name: "Edit us-east-2 prices" });
  await form.getByLabel("App Runner, active vCPU-hour").fill("");
  await form.getByRole("button", { name: "Save us-east-2" }).click();
  await expect(form.locator("#us-east-2-arVcpuHour-error")).toHaveText("App Runner, active vCPU-hour: this figure is missing");
  await form.getByLabel("App Runner, active vCPU-hour").fill("0.1");
  await form.getByRole("button", { name: "Save us-east-2" }).click();
  await expect(form.getByRole("status")).toContainText("Saved us-east-2 (version");

  // The saved estimate still shows the prices it used; a new scenario uses the new ones.
  await page.goto(url);
  await expect(page.getByTestId("monthly-total")).toHaveText("$56.94");
  await page.goto("/costs/new");
  await page.getByRole("form", { name: "Scenario" }).getByLabel("Region").selectOption("us-east-2");
  await expect(page.getByRole("table", { name: "App Runner breakdown" })).toContainText("$0.1");

  // Put the figure back for other tests, then the viewer: reads, cannot save.
  await page.goto("/costs/prices");
  await section.getByText("Edit us-east-2").click();
  await form.getByLabel("App Runner, active vCPU-hour").fill("0.064");
  await form.getByRole("button", { name: "Save us-east-2" }).click();
  await expect(form.getByRole("status")).toContainText("Saved us-east-2");
  const viewer = await signInAsNewUser(browser, "viewer", "costview");
  await viewer.page.goto(url);
  await expect(viewer.page.getByTestId("monthly-total")).toHaveText("$56.94");
  await expect(viewer.page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await viewer.page.goto("/costs/new");
  await expect(viewer.page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await viewer.page.goto("/costs/prices");
  await expect(viewer.page.getByText("Edit us-east-2")).toHaveCount(0);
  await viewer.context.close();
});

test("real usage: a service on the local runtime shows non-zero active hours read from CloudWatch", async ({ page }) => {
  test.setTimeout(600_000); // a budget for a loaded 2-core machine, not a timing assertion
  const name = `cost-${tag}`;
  await page.goto("/services/new");
  const form = page.getByRole("form", { name: "Create service" });
  await form.getByLabel("Service name").fill(name);
  await form.getByLabel("Repository URL or local path").fill(path.resolve("examples/node-hello"));
  await form.getByLabel("CPU").selectOption("0.25 vCPU");
  await form.getByLabel("Memory").selectOption("0.5 GB");
  await form.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/services\/us-east-1\/[0-9a-f]+\?op=/);
  await expect(page.getByTestId("service-status").first()).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  const servicePath = new URL(page.url()).pathname;
  const serviceUrl = (await page.getByTestId("service-url").getAttribute("href")) ?? "";

  // Traffic makes the instance active; the runtime samples ActiveInstances every few seconds.
  const app = await page.context().newPage();
  await expect
    .poll(
      async () => {
        for (let i = 0; i < 5; i++) await app.goto(serviceUrl);
        await page.goto(`/costs/usage${servicePath.replace("/services", "")}?days=1`);
        return Number((await page.getByTestId("active-instance-hours").textContent())?.replace(/,/g, ""));
      },
      { timeout: 60_000, intervals: [2000] },
    )
    .toBeGreaterThan(0);
  await app.close();
  await expect(page.getByTestId("usage-panel")).toContainText("0.25 vCPU / 0.5 GB");
  await expect(page.getByRole("region", { name: "Measured" })).toContainText("CloudWatch ActiveInstances");
  await expect(page.getByRole("region", { name: "Assumed" })).toContainText("MinSize");
  await expect(page.getByTestId("cost-chart")).toBeVisible();

  // Save it; the list shows the service.
  await page.getByLabel("Estimate name").fill(`Usage ${tag}`);
  await page.getByRole("button", { name: "Save usage estimate" }).click();
  await expect(page.getByRole("heading", { name: `Usage ${tag}` })).toBeVisible();
  await page.goto("/costs");
  await expect(page.getByRole("row", { name: new RegExp(`Usage ${tag}`) })).toContainText(name);

  // The service page's Cost tab shows the same reading.
  await page.goto(`${servicePath}?tab=cost`);
  await expect(page.getByTestId("usage-panel")).toBeVisible();
  expect(Number((await page.getByTestId("active-instance-hours").textContent())?.replace(/,/g, ""))).toBeGreaterThan(0);

  // The dashboard: the service's projected month in its row, and the region's total above the table.
  const usd = (text: string | null) => Number((text ?? "").replace(/[$,]/g, ""));
  await page.goto(`/services?q=${name}`);
  const cell = page.getByRole("row", { name: new RegExp(name) }).getByTestId("fleet-cost");
  // The fleet's costs load after the table and its last-hour figures (every service in the region,
  // many from other specs): on a loaded machine that takes longer than the default 10 s.
  await expect(cell).toHaveText(/^\$[\d,]+\.\d{2}$/, { timeout: 90_000 });
  const month = usd(await cell.textContent());
  expect(month).toBeGreaterThan(0);
  await expect(page.getByTestId("fleet-cost-total")).toHaveText(/^\$[\d,]+\.\d{2}$/, { timeout: 90_000 });
  expect(usd(await page.getByTestId("fleet-cost-total").textContent())).toBeGreaterThanOrEqual(month);
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`${servicePath}\\?tab=cost$`));
});
