import { test as setup, expect } from "@playwright/test";
import { admin, adminStatePath } from "./support/e2e-env";

// Runs once, first, against the empty database: the first visit must lead to /setup,
// which creates the first admin and then refuses to run again.
setup("first start: setup creates the first admin, then disappears", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  // Field-level validation from the shared zod schema.
  await page.getByLabel("Name").fill(admin.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address");
  await expect(page.locator("#password-error")).toHaveText("Use at least 10 characters");

  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Confirm password").fill(admin.password);
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page).not.toHaveURL(/\/setup/); // lands on the first section in lib/nav.ts
  await page.goto("/audit");
  await expect(page.getByTestId("current-user")).toContainText(admin.email);
  await expect(page.getByTestId("audit-table")).toContainText("user.create_first_admin");
  await page.context().storageState({ path: adminStatePath });

  // Once a user exists, /setup is gone for everyone.
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const anonPage = await anon.newPage();
  await anonPage.goto("/setup");
  await expect(anonPage).toHaveURL(/\/sign-in/);
  await anon.close();
});
