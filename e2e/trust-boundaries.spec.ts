// The console's trust boundaries, in a real browser: the client address comes from the socket,
// ?next= never leaves the console, every page satisfies its Content-Security-Policy (and the
// policy really blocks an injected script), and route handlers refuse regions the connection
// does not have.
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { signIn } from "./support/auth";
import { createServiceThroughForm } from "./support/console-forms";
import { admin, baseURL } from "./support/e2e-env";

const consoleHost = new URL(baseURL).host;

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a forged X-Forwarded-For does not change the audited address", async ({ browser, page }) => {
    test.setTimeout(120_000); // two sign-ins (each with the failure delay) and an export
    const email = `xff-${randomBytes(4).toString("hex")}@example.com`;
    const forged = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77", "X-Real-IP": "203.0.113.78" } });
    const p = await forged.newPage();
    await p.goto("/sign-in");
    await p.getByLabel("Email").fill(email);
    await p.getByLabel("Password").fill("not-the-password");
    await p.getByRole("button", { name: "Sign in" }).click();
    await expect(p.getByTestId("form-error")).toBeVisible();
    await forged.close();

    await signIn(page, admin.email, admin.password);
    const csv = await (await page.request.get(`/audit/export?actor=${encodeURIComponent(email)}`)).text();
    const rows = csv.trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).not.toContain("203.0.113.7");
    expect(rows[1]).toContain(",127.0.0.1,");
  });

  test("before the page hydrates, Sign in is disabled and Enter cannot send the password in a URL", async ({ page }) => {
    // Hold the page's JavaScript: the server-rendered form is all there is, as on a slow network.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto("/sign-in", { waitUntil: "domcontentloaded" });
    const button = page.getByRole("button", { name: "Sign in" });
    await expect(button).toBeDisabled();
    await page.getByLabel("Email").fill("slow@example.com");
    await page.getByLabel("Password").fill("typed-before-hydration");
    await page.getByLabel("Password").press("Enter"); // implicit submission: blocked by the disabled default button
    expect(page.url()).not.toContain("typed-before-hydration");
    release();
    await expect(button).toBeEnabled();
    expect(page.url()).not.toContain("typed-before-hydration");
    expect(new URL(page.url()).search).toBe("");
    expect(requested.filter((u) => u.includes("typed-before-hydration"))).toEqual([]);
  });

  const attacks = [
    ["tab", "/%09/evil.example/phish"],
    ["newline", "/%0A/evil.example/phish"],
    ["backslash", "/%5Cevil.example/phish"],
    ["two backslashes", "%5C%5Cevil.example/phish"],
    ["encoded slashes", "%2F%2Fevil.example/phish"],
    ["slash and encoded slash", "/%2Fevil.example/phish"],
    ["absolute URL", "https%3A%2F%2Fevil.example%2Fphish"],
    ["dot segment", "/.//evil.example/phish"],
  ] as const;
  for (const [label, next] of attacks) {
    test(`sign-in with ?next= as ${label} stays on the console`, async ({ page }) => {
      await page.goto(`/sign-in?next=${next}`);
      await page.getByLabel("Email").fill(admin.email);
      await page.getByLabel("Password").fill(admin.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).not.toHaveURL(/\/sign-in/);
      expect(new URL(page.url()).host).toBe(consoleHost);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    });
  }

  test("sign-in still follows a ?next= on the console", async ({ page }) => {
    await page.goto(`/sign-in?next=${encodeURIComponent("/audit?result=denied")}`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/audit?result=denied`);
  });

  test("route handlers need a session", async ({ page }) => {
    // A made-up session cookie gets past proxy.ts's optimistic redirect: the route itself must refuse.
    for (const route of ["status", "schedule", "operations", "logs", "metrics", "domains"]) {
      const res = await page.request.get(`/api/services/us-east-1/${"a".repeat(32)}/${route}`, { maxRedirects: 0, headers: { cookie: "runway_session=forged" } });
      expect(res.status(), route).toBe(401);
      expect(await res.json(), route).toMatchObject({ code: "Unauthenticated" });
    }
  });
});

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportCsp", (v: string) => void seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${location.pathname}${location.search}: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`${page.url()}: ${m.text()}`);
  });
  return seen;
}

test("every page satisfies the Content-Security-Policy, which blocks injected scripts", async ({ page }) => {
  test.setTimeout(300_000);
  const violations = await watchCsp(page);
  const name = `e2e-csp-${randomBytes(3).toString("hex")}`;
  await createServiceThroughForm(page, name, path.resolve("examples/node-hello"));
  const servicePath = new URL(page.url()).pathname;
  await expect(page.getByTestId("service-status").first()).toHaveAttribute("data-status", "RUNNING", { timeout: 90_000 });

  const pages = ["/services", "/services/new", "/audit", "/users", "/settings/connections", "/settings/connections/new", "/autoscaling", "/costs", "/costs/new", "/catalog", "/teams", "/migrate", "/forbidden", "/no-such-page", servicePath];
  for (const tab of ["activity", "history", "metrics", "logs", "configuration", "domains", "cost", "migrate", "schedule", "export"]) pages.push(`${servicePath}?tab=${tab}`);
  for (const p of pages) {
    const res = await page.goto(p);
    const headers = res!.headers();
    expect(headers["content-security-policy"], p).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], p).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["x-frame-options"], p).toBe("DENY");
    expect(headers["x-content-type-options"], p).toBe("nosniff");
    expect(headers["referrer-policy"], p).toBe("strict-origin-when-cross-origin");
    if (p !== "/no-such-page") await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation and polling run under the same policy.
  await page.goto(servicePath);
  await page.getByRole("tab", { name: "Logs" }).click();
  await expect(page).toHaveURL(/tab=logs/);
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);

  // The policy is enforced, not decorative: injected markup's inline handler does not run.
  // (A script element created by script would run: 'strict-dynamic' trusts what trusted code adds.)
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__injected = true">`));
  await expect.poll(() => violations.some((v) => v.includes("script-src"))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();

  await page.goto(servicePath);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("form", { name: "Confirm delete" }).getByLabel(/to delete it/).fill(name);
  await page.getByRole("button", { name: "Delete service" }).click();
  await expect(page).toHaveURL(/\/services$/);
});

test("the sign-in page satisfies the policy too", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const violations = await watchCsp(page);
  const res = await page.goto("/sign-in");
  expect(res!.headers()["content-security-policy"]).toContain("default-src 'self'");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
  await context.close();
});

test("route handlers check the region against the connection and validate their params", async ({ page }) => {
  const id = "a".repeat(32);
  const unknown = await page.request.get(`/api/services/ap-evil-1/${id}/status`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ code: "UnknownRegion" });
  const malformed = await page.request.get(`/api/services/${encodeURIComponent("us-east-1\n")}/${id}/operations`);
  expect(malformed.status()).toBe(400);
  const badId = await page.request.get(`/api/services/us-east-1/not-an-id/logs`);
  expect(badId.status()).toBe(400);
  const badQuery = await page.request.get(`/api/services/us-east-1/${id}/logs?since=yesterday`);
  expect(badQuery.status()).toBe(400);
  expect(await badQuery.json()).toMatchObject({ fieldErrors: { since: expect.any(Array) } });
  // A well-formed request for a service that does not exist is an ordinary 404.
  expect((await page.request.get(`/api/services/us-east-1/${id}/operations`)).status()).toBe(404);
});
