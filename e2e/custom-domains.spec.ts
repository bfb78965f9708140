// A custom domain: a labelled box, a success note, DNS records with copy buttons and human
// status labels, and the status moves to Active on its own (the runtime activates it a few
// seconds after association) without a reload.
import { test, expect } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { createNodeService, deleteService } from "./support/runtime-service";

test("associating a domain confirms, shows copyable records, and turns Active without a reload", async ({ page, context }) => {
  test.setTimeout(150_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const svc = await createNodeService(`e2e-dom-${randomBytes(3).toString("hex")}`);
  try {
    await page.goto(`/services/us-east-1/${svc.ServiceId}?tab=domains`);
    const domain = `${svc.ServiceName}.example.com`;
    await page.getByLabel("Domain name").fill(domain);
    await page.getByRole("button", { name: "Associate domain" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Associated ${domain}` })).toBeVisible();
    const card = page.locator(`[data-domain="${domain}"]`);
    const records = card.getByTestId("validation-records");
    await expect(records).toContainText("CNAME");
    // Human words, the raw value in the tooltip.
    await expect(card.getByTestId("service-status")).not.toHaveText(/_/);
    await expect(card.getByTestId("service-status")).toHaveAttribute("title", /^[a-z_]+$/i);
    // Copy puts the exact record value on the clipboard.
    const firstValue = (await records.locator("code").nth(1).textContent()) ?? "";
    await records.getByRole("button", { name: /^Copy record value/ }).first().click();
    await expect(records.getByRole("button", { name: /^Copy record value/ }).first()).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstValue);
    // No reload from here on: the tab polls until App Runner has activated the domain.
    await expect(card).toHaveAttribute("data-status", /^active$/i, { timeout: 30_000 });
    await expect(card.getByTestId("service-status")).toHaveText("Active");
  } finally {
    await deleteService(svc.ServiceArn);
  }
});
