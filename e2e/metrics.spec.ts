// The Metrics tab against the local runtime: load sent from the test shows up in the charts'
// table views (not pixels), ranges switch, and a deployment started from the console appears
// as a marker with who started it.
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { signInAsNewUser } from "./support/auth";
import { createNodeService, deleteService, metricValues, sendLoad } from "./support/runtime-service";

test.describe.configure({ mode: "serial" });

/** The numbers of one series in a chart's table view. */
async function tableValues(page: Page, chart: string, column: number): Promise<number[]> {
  const section = page.getByRole("region", { name: chart });
  const table = section.getByRole("table", { name: `${chart} data` });
  if (!(await table.isVisible())) await section.getByRole("button", { name: "Table" }).click();
  await expect(table).toBeVisible();
  const cells = await table.locator("tbody tr").evaluateAll((rows, col) => rows.map((r) => r.querySelectorAll("td")[col]?.textContent ?? ""), column);
  return cells.filter((c) => c.trim() !== "").map(Number).filter((n) => Number.isFinite(n));
}

test("metrics: requests and instances from real load, range switch, deployment marker", async ({ browser }) => {
  test.setTimeout(360_000);
  const name = `e2e-met-${randomBytes(3).toString("hex")}`;
  const svc = await createNodeService(name);
  try {
    const counts = await sendLoad(svc.ServiceUrl ?? "", { total: 200, concurrency: 20 });
    expect(counts.get(200)).toBe(200);
    // The data plane flushes its tallies every second: wait until CloudWatch has all 200.
    await expect.poll(async () => (await metricValues({ name, id: svc.ServiceId }, "Requests", "Sum")).reduce((a, b) => a + b, 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(200);

    const { context, page, user } = await signInAsNewUser(browser, "operator", "metrics");
    await page.goto(`/services/us-east-1/${svc.ServiceId}?tab=metrics`);
    await expect(page.getByRole("tab", { name: "Metrics" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "1 h" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("metrics-window")).toContainText("period 1 min");

    const requests = await tableValues(page, "Requests", 1);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);
    const active = await tableValues(page, "Active instances", 1);
    expect(active.length).toBeGreaterThan(0);
    expect(Math.max(...active)).toBeGreaterThanOrEqual(1);
    // The 2xx series of the stacked responses chart carries the same requests.
    expect((await tableValues(page, "Responses by status", 1)).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);

    // Another range: a week at 5-minute periods still holds the requests.
    await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "1 w" }).click();
    await expect(page.getByTestId("metrics-window")).toContainText("period 5 min");
    await expect.poll(async () => (await tableValues(page, "Requests", 1)).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);

    // A deployment from the console: its marker appears on the charts with who started it.
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    await page.getByRole("button", { name: "Start deployment" }).click();
    // The audit history names who started it once the operation ends (the server-side watcher).
    await expect(async () => {
      await page.goto(`/services/us-east-1/${svc.ServiceId}?tab=metrics`);
      const ops = page.getByRole("region", { name: "Operations on the charts" });
      await expect(ops.locator('[data-operation="START_DEPLOYMENT"]')).toContainText(`start deployment · succeeded · by ${user.email}`, { timeout: 20_000 });
    }).toPass({ timeout: 120_000 });
    const markers = page.locator('[data-chart="requests"] [data-marker-type="START_DEPLOYMENT"]');
    await expect(markers.first()).toBeAttached({ timeout: 30_000 }); // the charts load after the page
    await expect(markers.first().locator("title")).toContainText(`by ${user.email}`);
    // One marker on every chart that has data.
    expect(await page.locator('[data-marker-type="START_DEPLOYMENT"]').count()).toBeGreaterThanOrEqual(3);
    await context.close();
  } finally {
    await deleteService(svc.ServiceArn);
  }
});
