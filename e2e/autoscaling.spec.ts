// Auto scaling configurations on /autoscaling against the local runtime: create with App Runner's
// ranges checked, apply to a running service, see load stop at MaxSize (in the chart's table view
// and through the SDK), refuse to delete a revision in use, set a new default; viewers change nothing.
import { test, expect, type Page } from "@playwright/test";
import { AppRunnerClient, ListAutoScalingConfigurationsCommand, UpdateDefaultAutoScalingConfigurationCommand } from "@aws-sdk/client-apprunner";
import { randomBytes } from "node:crypto";
import { signInAsNewUser } from "./support/auth";
import { appRunner, createNodeService, deleteService, metricValues, sendLoad, waitRunning } from "./support/runtime-service";

test.describe.configure({ mode: "serial" });

const row = (page: Page, label: string) => page.locator(`tr[data-configuration="${label}"]`);

async function create(page: Page, name: string, maxConcurrency: string, minSize: string, maxSize: string) {
  const form = page.getByRole("form", { name: "Create auto scaling configuration" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Max concurrency").fill(maxConcurrency);
  await form.getByLabel("Min size").fill(minSize);
  await form.getByLabel("Max size").fill(maxSize);
  await form.getByRole("button", { name: "Create" }).click();
}

async function defaultArn(client: AppRunnerClient): Promise<string | undefined> {
  const out = await client.send(new ListAutoScalingConfigurationsCommand({ MaxResults: 100 }));
  return out.AutoScalingConfigurationSummaryList?.find((c) => c.IsDefault)?.AutoScalingConfigurationArn;
}

test("operator: create, apply, scale to MaxSize and no more, delete refused while in use, set default", async ({ browser }) => {
  test.setTimeout(360_000);
  const tag = randomBytes(3).toString("hex");
  const ascName = `e2e-asc-${tag}`;
  const svc = await createNodeService(`e2e-scale-${tag}`);
  const client = appRunner();
  const originalDefault = await defaultArn(client);
  const { context, page } = await signInAsNewUser(browser, "operator", "scaler");
  try {
    await page.goto("/autoscaling");
    await expect(page.getByRole("heading", { name: "Auto scaling" })).toBeVisible();

    // App Runner's ranges, at the fields.
    await create(page, ascName, "201", "1", "3");
    await expect(page.locator("#maxConcurrency-error")).toContainText("1 to 200");
    await create(page, ascName, "5", "4", "3");
    await expect(page.locator("#maxSize-error")).toContainText("at least MinSize (4)");
    await create(page, ascName, "5", "1", "3");
    await expect(page.getByTestId("form-success")).toContainText(`Created ${ascName} revision 1`);
    const mine = row(page, `${ascName} #1`);
    await expect(mine).toContainText("5");
    await expect(mine.locator("td").nth(2)).toHaveText("5");
    await expect(mine.locator("td").nth(3)).toHaveText("1");
    await expect(mine.locator("td").nth(4)).toHaveText("3");

    // Apply it to the running service from this page.
    await mine.getByLabel(`Service for ${ascName} #1`).selectOption({ label: svc.ServiceName });
    await mine.getByRole("button", { name: "Apply" }).click();
    await expect(mine.getByRole("status")).toContainText("Applying");
    await expect.poll(async () => (await waitRunning(svc.ServiceArn)).AutoScalingConfigurationSummary?.AutoScalingConfigurationName, { timeout: 60_000 }).toBe(ascName);
    await page.reload();
    await expect(row(page, `${ascName} #1`).getByTestId("asc-services")).toContainText(`1: ${svc.ServiceName}`);

    // 40 concurrent slow requests want 8 instances of 5; MaxSize caps them at 3.
    const counts = await sendLoad(svc.ServiceUrl ?? "", { concurrency: 40, untilMs: 20_000, path: "/slow?ms=300" });
    expect(counts.get(200) ?? 0).toBeGreaterThan(100);
    const service = { name: svc.ServiceName, id: svc.ServiceId };
    await expect.poll(async () => Math.max(0, ...(await metricValues(service, "ActiveInstances", "Maximum"))), { timeout: 20_000 }).toBe(3);

    // The same cap in the Metrics tab's table view, and the configuration on the Overview.
    await page.goto(`/services/us-east-1/${svc.ServiceId}?tab=metrics`);
    const chart = page.getByRole("region", { name: "Active instances" });
    await chart.getByRole("button", { name: "Table" }).click();
    const cells = chart.getByRole("table", { name: "Active instances data" }).locator('td[data-series="active"]');
    await expect.poll(async () => Math.max(0, ...(await cells.allTextContents()).map(Number))).toBe(3);
    await expect(chart.getByRole("figure")).toContainText("MaxSize 3");
    await page.goto(`/services/us-east-1/${svc.ServiceId}?tab=overview`);
    await expect(page.getByTestId("auto-scaling-in-effect")).toContainText(`${ascName} #1 · MaxConcurrency 5, MinSize 1, MaxSize 3`);

    // Deleting the revision a service uses is refused, in App Runner's words.
    await page.goto("/autoscaling");
    page.once("dialog", (d) => void d.accept());
    await row(page, `${ascName} #1`).getByRole("button", { name: `Delete ${ascName} #1` }).click();
    await expect(row(page, `${ascName} #1`).getByRole("alert")).toContainText("used by one or more services");
    await expect(row(page, `${ascName} #1`)).toBeVisible();

    // A new default (then the previous one back, so other specs keep App Runner's default).
    const roomy = `e2e-def-${tag}`;
    await create(page, roomy, "100", "1", "25");
    await expect(page.getByTestId("form-success")).toContainText(`Created ${roomy} revision 1`);
    await row(page, `${roomy} #1`).getByRole("button", { name: `Set ${roomy} #1 as default` }).click();
    await expect(row(page, `${roomy} #1`).getByText("default", { exact: true })).toBeVisible();
    await expect.poll(async () => (await defaultArn(client))?.includes(`/${roomy}/1/`)).toBe(true);
    await page.reload();
    await expect(page.locator("tr[data-configuration]").filter({ has: page.getByText("default", { exact: true }) })).toHaveCount(1);
    await expect(row(page, `${roomy} #1`).getByText("default", { exact: true })).toBeVisible();
    await context.close();

    // A viewer sees the configurations and can change nothing.
    const viewer = await signInAsNewUser(browser, "viewer", "ascview");
    await viewer.page.goto("/autoscaling");
    await expect(row(viewer.page, `${ascName} #1`)).toBeVisible();
    await expect(viewer.page.getByRole("form", { name: "Create auto scaling configuration" })).toHaveCount(0);
    await expect(viewer.page.getByRole("button", { name: /Delete|Set .* as default|Apply/ })).toHaveCount(0);
    await viewer.context.close();
  } finally {
    if (originalDefault) await client.send(new UpdateDefaultAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: originalDefault })).catch(() => undefined);
    await deleteService(svc.ServiceArn);
  }
});
