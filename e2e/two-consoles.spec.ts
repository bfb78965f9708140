// Two console processes on one PostgreSQL (run by `scripts/e2e.mjs --postgres`, part of
// `npm test`): a session made on one is valid on the other and signing out on either ends
// it; an operation started on one is audited once, whichever process's watcher finishes it;
// the per-IP sign-in limit counts attempts on both.
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { admin, baseURL, secondURL } from "./support/e2e-env";
import { signIn } from "./support/auth";

test.describe.configure({ mode: "serial" });

const other = (p: string) => `${secondURL}${p}`;

test("a session from one console works on the other; signing out on the other ends it for both", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, admin.email, admin.password); // on the first console (baseURL)
  const [session] = (await context.cookies(baseURL)).filter((c) => c.name === "runway_session");
  expect(session).toBeTruthy();

  await page.goto(other("/services"));
  await expect(page).toHaveURL(other("/services"));
  await expect(page.getByTestId("current-user")).toContainText(admin.email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // Put the old cookie back: the first console must refuse it, because the session row is gone.
  await context.addCookies([session!]);
  await page.goto(`${baseURL}/services`);
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("an operation started on one console is audited once, and both consoles show it", async ({ page }) => {
  test.setTimeout(180_000);
  const name = `pg-${randomBytes(3).toString("hex")}`;
  await page.goto("/services/new");
  const form = page.getByRole("form", { name: "Create service" });
  await form.getByLabel("Service name").fill(name);
  await form.getByLabel("Repository URL or local path").fill(path.resolve("examples/node-hello"));
  await form.getByLabel("Use apprunner.yaml from the repository").uncheck();
  await form.getByLabel("Runtime").selectOption("NODEJS_22");
  await form.getByLabel("Start command", { exact: true }).fill("node server.js");
  await form.getByLabel("CPU").selectOption("0.25 vCPU");
  await form.getByLabel("Memory").selectOption("0.5 GB");
  await form.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/services\/us-east-1\/[0-9a-f]+\?op=/);
  await expect(page.getByTestId("service-status").first()).toHaveAttribute("data-status", "RUNNING", { timeout: 90_000 });

  // Both processes run a watcher on the same table; the final result is written once.
  const rows = (p: Page) => p.getByTestId("audit-row");
  const audit = `/audit?action=service.create&target=${encodeURIComponent(name)}`;
  await expect(async () => {
    await page.goto(other(`${audit}&result=succeeded`));
    await expect(rows(page)).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  // Unfiltered, the request and its one final result fold into one row that shows both.
  for (const url of [other(audit), `${baseURL}${audit}`]) {
    await page.goto(url);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page)).toHaveAttribute("data-result", "succeeded");
    await expect(rows(page)).toHaveAttribute("data-folded", "true");
  }
});

test("the per-IP sign-in limit counts attempts made on both consoles", async ({ browser }) => {
  test.setTimeout(300_000);
  const limit = Number(process.env.E2E_SIGNIN_IP_LIMIT ?? 10);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  let attempts = 0;
  let limited = false;
  // Alternate consoles. Were the counter per process, each would allow `limit` attempts (2 × limit in all).
  while (!limited && attempts <= limit + 1) {
    const origin = attempts % 2 === 0 ? baseURL : secondURL;
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel("Email").fill(`nobody-${attempts}@example.com`);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form's message (Next's route announcer is an empty alert too).
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await expect(alert).toBeVisible();
    limited = /Too many sign-in attempts/.test(await alert.innerText());
    attempts++;
  }
  expect(limited).toBe(true);
  expect(attempts).toBeLessThanOrEqual(limit + 1);
  // The other console refuses too.
  const origin = attempts % 2 === 0 ? baseURL : secondURL;
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Too many sign-in attempts");
  await context.close();
});
