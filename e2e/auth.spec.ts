import { test, expect } from "@playwright/test";
import { createUser, signIn } from "./support/auth";
import { admin } from "./support/e2e-env";

test.describe("sign-in and sessions", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("pages require a session and send visitors to sign-in", async ({ page }) => {
    await page.goto("/users");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fusers/);
    const res = await page.request.get("/audit/export", { maxRedirects: 0 });
    expect([302, 307, 401]).toContain(res.status());
  });

  test("sign in, land where asked, sign out", async ({ page }) => {
    await page.goto("/settings/connections");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/connections$/);
    await expect(page.getByTestId("current-user")).toContainText(admin.name);
    const cookie = (await page.context().cookies()).find((c) => c.name === "runway_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("wrong password and unknown email get the same generic message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Invalid email or password.");

    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Invalid email or password.");
  });

  test("a tampered session cookie leads back to sign-in", async ({ page, context }) => {
    await signIn(page, admin.email, admin.password);
    const cookie = (await context.cookies()).find((c) => c.name === "runway_session");
    expect(cookie).toBeDefined();
    const flipped = (cookie!.value[0] === "A" ? "B" : "A") + cookie!.value.slice(1);
    await context.addCookies([{ ...cookie!, value: flipped }]);
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test("five wrong passwords lock the account; the audit records each attempt", async ({ page, browser }) => {
  test.slow(); // the growing delay is real: 250 ms doubling per failure
  const victim = await createUser(page, "viewer", "locked");
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await anon.newPage();
  await p.goto("/sign-in");
  const attempt = async (password: string) => {
    await p.getByLabel("Email").fill(victim.email);
    await p.getByLabel("Password").fill(password);
    // Wait for the action's answer itself: the message text is the same every time.
    await Promise.all([p.waitForResponse((r) => r.request().method() === "POST"), p.getByRole("button", { name: "Sign in" }).click()]);
    await expect(p.getByTestId("form-error")).toHaveText("Invalid email or password.");
  };
  for (let i = 0; i < 5; i++) await attempt(`wrong-${i}`);
  // The right password no longer works while locked, and the message stays generic.
  await attempt(victim.password);
  await expect(p).toHaveURL(/\/sign-in/);
  await anon.close();

  await page.goto(`/audit?action=auth.sign_in&target=${encodeURIComponent(victim.email)}`);
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toContainText("denied");
  await expect(rows.first()).toContainText("account locked");
  await expect(rows.nth(1)).toContainText("locked for 15 minutes");
  await page.goto("/users");
  await expect(page.getByTestId(`user-row-${victim.email}`)).toContainText("locked");
});
