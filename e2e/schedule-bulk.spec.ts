// One schedule onto many services: an operator applies the schedule being edited to every
// catalog service a filter matches; each matching service's Schedule tab shows it, the audit
// records one bulk action with what it applied, and a viewer can neither see the control nor
// submit it (a forced submission with a viewer's session is refused and changes nothing).
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { signInAsNewUser } from "./support/auth";
import { createNodeService, deleteService } from "./support/runtime-service";

const tag = randomBytes(3).toString("hex");
const shot = (name: string) => path.resolve("tmp", `schedule-bulk-${name}.png`);

const scheduleTab = (id: string) => `/services/us-east-1/${id}?tab=schedule`;

async function openBulk(page: Page, serviceId: string) {
  await page.goto(scheduleTab(serviceId));
  const form = page.getByRole("form", { name: "Schedule" });
  await form.getByText("Apply this schedule to many services").click();
  return { form, bulk: form.getByRole("group", { name: "Apply to many services" }) };
}

test("apply one schedule to every service a catalog filter matches: both tabs show it, the audit records it, a viewer cannot", async ({ browser, page: adminPage }) => {
  test.setTimeout(480_000); // a budget for a loaded 2-core machine (three services), not a timing assertion
  const [a, b, other] = await Promise.all([createNodeService(`sbulk-${tag}-a`), createNodeService(`sbulk-${tag}-b`), createNodeService(`sother-${tag}`)]);
  try {
    // The catalog knows the services once synced.
    await adminPage.goto("/catalog");
    await adminPage.getByRole("button", { name: "Sync now" }).click();
    await expect(adminPage.getByTestId("sync-result")).toContainText(/Synced \d+ regions?: /);

    const filter = `q=sbulk-${tag}`;
    const { context: viewerContext, page: viewerPage, user: viewer } = await signInAsNewUser(browser, "viewer", "bulkview");
    // A viewer sees the schedule tab but no editor, so no bulk control.
    await viewerPage.goto(scheduleTab(a.ServiceId));
    await expect(viewerPage.getByText("No schedule.")).toBeVisible();
    await expect(viewerPage.getByRole("form", { name: "Schedule" })).toHaveCount(0);
    const viewerCookie = (await viewerContext.cookies()).find((c) => c.name === "runway_session");
    expect(viewerCookie).toBeDefined();
    await viewerContext.close();

    const { context, page, user } = await signInAsNewUser(browser, "operator", "bulkop");

    // The same submission with the viewer's session behind the operator's page: refused on the server.
    const forced = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const forcedPage = await forced.newPage();
    await forced.addCookies((await context.cookies()).filter((c) => c.name === "runway_session"));
    const refused = await openBulk(forcedPage, a.ServiceId);
    await forced.addCookies([viewerCookie!]);
    await refused.bulk.getByLabel("Catalog filter").fill(filter);
    await refused.bulk.getByRole("button", { name: "Apply to matching services" }).click();
    await expect(refused.form.getByTestId("form-error")).toHaveText("Your role (viewer) is not allowed to do this.");
    await forced.close();
    for (const s of [a, b]) {
      await page.goto(scheduleTab(s.ServiceId));
      await expect(page.getByText("No schedule.")).toBeVisible();
    }

    // The operator applies "Mon–Fri 08:00–19:00 America/New_York" to the filter's services.
    const { form, bulk } = await openBulk(page, a.ServiceId);
    await form.getByLabel("Time zone").fill("America/New_York");
    await bulk.getByLabel("Catalog filter").fill(filter);
    await bulk.getByRole("button", { name: "Apply to matching services" }).click();
    await expect(form.locator("details").getByTestId("form-success")).toHaveText(`Applied to 2 service(s): sbulk-${tag}-a, sbulk-${tag}-b.`);
    await page.screenshot({ path: shot("applied"), fullPage: true });

    // Both tabs show the schedule in its zone; the service the filter does not match has none.
    for (const s of [a, b]) {
      await page.goto(scheduleTab(s.ServiceId));
      const status = page.getByRole("region", { name: "Schedule status" });
      await expect(status).toContainText("Runs Mon–Fri 08:00–19:00");
      await expect(status).toContainText("America/New_York");
      await expect(page.getByTestId("next-pause")).toContainText("19:00 (America/New_York)");
    }
    await page.goto(scheduleTab(other.ServiceId));
    await expect(page.getByText("No schedule.")).toBeVisible();

    // One audit event for the bulk action, with the filter and what it applied; the viewer's attempt is there as denied.
    await adminPage.goto(`/audit?action=schedule.bulk-apply&actor=${encodeURIComponent(user.email)}`);
    const row = adminPage.getByTestId("audit-row");
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute("data-result", "succeeded");
    await expect(row).toContainText(`filter:${filter}`);
    await expect(row).toContainText(`sbulk-${tag}-a`);
    await expect(row).toContainText(`sbulk-${tag}-b`);
    await adminPage.goto(`/audit?action=schedule.bulk-apply&actor=${encodeURIComponent(viewer.email)}`);
    await expect(adminPage.getByTestId("audit-row")).toHaveCount(1);
    await expect(adminPage.getByTestId("audit-row")).toContainText("role viewer lacks services:operate");
    await context.close();
  } finally {
    await Promise.all([a, b, other].map((s) => deleteService(s.ServiceArn)));
  }
});
