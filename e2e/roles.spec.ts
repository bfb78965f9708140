import { test, expect } from "@playwright/test";
import { signInAsNewUser } from "./support/auth";

test("a viewer sees no admin sections and is refused admin pages (audited)", async ({ browser, page: adminPage }) => {
  const { context, page, user } = await signInAsNewUser(browser, "viewer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Audit" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { name: "You do not have access to that page" })).toBeVisible();
  await page.goto("/settings/connections/new");
  await expect(page).toHaveURL(/\/forbidden$/);
  await context.close();
  // Each refused page is in the audit history, with the page as target.
  await adminPage.goto(`/audit?action=page.view&actor=${encodeURIComponent(user.email)}`);
  const rows = adminPage.getByTestId("audit-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("/settings/connections/new");
  await expect(rows.first()).toContainText("role viewer lacks connections:manage");
  await expect(rows.nth(1)).toContainText("/users");
});

test("an admin action submitted with a viewer's session is denied on the server and audited as denied", async ({ browser, page }) => {
  const { context: viewerContext, user: viewer } = await signInAsNewUser(browser, "viewer", "denied");
  const viewerCookie = (await viewerContext.cookies()).find((c) => c.name === "runway_session");
  expect(viewerCookie).toBeDefined();
  await viewerContext.close();

  // The admin's Users page is open; the session behind it becomes the viewer's (as if the
  // role had been taken away meanwhile). The server must refuse the action anyway.
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await ctx.newPage();
  // Render the admin form with the admin's session, then swap the cookie.
  await ctx.addCookies((await page.context().cookies()).filter((c) => c.name === "runway_session"));
  await p.goto("/users");
  const form = p.getByRole("form", { name: "Add user" });
  await expect(form).toBeVisible();
  await ctx.addCookies([viewerCookie!]);
  await form.getByLabel("Name").fill("Should Not Exist");
  await form.getByLabel("Email").fill("should-not-exist@example.com");
  await form.getByLabel("Initial password").fill("long-enough-password");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByTestId("form-error")).toHaveText("Your role (viewer) is not allowed to do this.");
  await ctx.close();

  await page.goto("/users");
  await expect(page.getByTestId("users-table")).not.toContainText("should-not-exist@example.com");
  await page.goto(`/audit?result=denied&actor=${encodeURIComponent(viewer.email)}`);
  const row = page.getByTestId("audit-row").first();
  await expect(row).toContainText("user.create");
  await expect(row).toContainText("denied");
  await expect(row).toContainText("role viewer lacks users:manage");
  // The request summary keeps the fields but never the password.
  await expect(row).toContainText("should-not-exist@example.com");
  await expect(row).not.toContainText("long-enough-password");
});

test("an operator can read but not manage users or connections", async ({ browser }) => {
  const { context, page } = await signInAsNewUser(browser, "operator");
  await page.goto("/settings/connections");
  await expect(page.getByRole("heading", { name: "Connections" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add connection" })).toHaveCount(0);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/forbidden$/);
  await context.close();
});
