import { test, expect } from "@playwright/test";
import { closedPort } from "./support/console-forms";
import { runtimeURL } from "./support/e2e-env";

test("the ready-made Local runtime connection exists and tests green", async ({ page }) => {
  await page.goto("/settings/connections");
  await expect(page.getByTestId("connections-table")).toContainText("Local runtime");
  await expect(page.getByTestId("connections-table")).toContainText(runtimeURL);
  await page.getByRole("link", { name: "Local runtime" }).click();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-test-result")).toContainText("ListServices succeeded in us-east-1");
});

test("create, test, edit, switch to and delete a connection", async ({ page }) => {
  const name = `e2e-${Date.now()}`;
  await page.goto("/settings/connections/new");

  // Bad input: field-level messages from the shared schema.
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Kind").selectOption("local");
  await page.getByLabel("Endpoint URL").fill("not a url");
  await page.getByLabel("Regions").fill("us-east-1, mars-1");
  await page.getByRole("button", { name: "Add connection" }).click();
  await expect(page.locator("#endpoint-error")).toContainText("Not a URL");
  await expect(page.locator("#regions-error")).toContainText("Not a region name");

  await page.getByLabel("Endpoint URL").fill(runtimeURL);
  await page.getByLabel("Regions").fill("us-east-1, eu-west-1");
  await page.getByLabel("Default region").fill("eu-west-1");
  await page.getByLabel("Access key ID").fill("e2e-key");
  await page.getByLabel("Secret access key").fill("e2e-super-secret-value");
  await page.getByRole("button", { name: "Add connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Connection added.")).toBeVisible();
  // The secret never comes back to the browser.
  expect(await page.content()).not.toContain("e2e-super-secret-value");
  await expect(page.getByText("Stored (encrypted). Leave empty to keep it.")).toBeVisible();

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-test-result")).toContainText("ListServices succeeded in eu-west-1");

  // Point it at a closed port: the test shows the exact network error.
  await page.getByLabel("Endpoint URL").fill(`http://127.0.0.1:${await closedPort()}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-test-result")).toContainText("ECONNREFUSED", { timeout: 30_000 });

  // Back to the runtime, then pick it in the header switcher with its second region.
  await page.getByLabel("Endpoint URL").fill(runtimeURL);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.getByTestId("connection-switcher").selectOption({ label: name });
  await expect(page.getByTestId("connection-switcher").locator("option:checked")).toHaveText(name);
  await expect(page.getByTestId("region-switcher")).toHaveValue("eu-west-1");
  await page.getByTestId("region-switcher").selectOption("us-east-1");
  await expect(page.getByTestId("region-switcher")).toHaveValue("us-east-1");
  await page.reload();
  await expect(page.getByTestId("connection-switcher").locator("option:checked")).toHaveText(name);
  await expect(page.getByTestId("region-switcher")).toHaveValue("us-east-1");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete connection" }).click();
  await expect(page).toHaveURL(/\/settings\/connections\?deleted=1/);
  await expect(page.getByTestId("connections-table")).not.toContainText(name);

  await page.goto(`/audit?target=${encodeURIComponent(name)}`);
  const actions = await page.getByTestId("audit-row").locator("td:nth-child(3)").allInnerTexts();
  expect(actions).toEqual(["connection.delete", "connection.update", "connection.test", "connection.update", "connection.test", "connection.create"]);
  await expect(page.getByTestId("audit-table")).not.toContainText("e2e-super-secret-value");
});
