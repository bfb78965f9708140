import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createUser } from "./support/auth";

test("filters narrow the audit list and the CSV export honours them", async ({ page }) => {
  // Seed: a user whose email starts with "=" style content in the name cannot be made, but
  // a name with a formula is recorded in the request summary and must be neutralised in CSV.
  const u = await createUser(page, "viewer", "audited");
  await page.goto("/audit");
  await page.getByLabel("Action").selectOption("user.create");
  await page.getByLabel("Target").fill(u.email);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=user\.create/);
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("succeeded");

  await page.getByLabel("Result").selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No audit events match these filters.")).toBeVisible();

  // Time range: a window in the past excludes everything recent.
  await page.goto(`/audit?target=${encodeURIComponent(u.email)}&to=2000-01-01T00:00`);
  await expect(page.getByText("No audit events match these filters.")).toBeVisible();

  await page.goto(`/audit?action=user.create&target=${encodeURIComponent(u.email)}`);
  const download = page.waitForEvent("download");
  await page.getByTestId("audit-export").click();
  const file = await (await download).path();
  const csv = readFileSync(file, "utf8").trim().split("\r\n");
  expect(csv[0]).toBe("time,actor,role,action,target,connection,region,result,error,ip,user_agent,request");
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(`,user.create,${u.email},`);
  expect(csv[1]).not.toContain(u.password);
});

test("the CSV neutralises formula cells and pagination walks older events", async ({ page }) => {
  // A failed sign-in records the typed email as actor: a formula-looking value (+...).
  const ctx = page.context();
  const anon = await ctx.browser()!.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await anon.newPage();
  await p.goto("/sign-in");
  await p.getByLabel("Email").fill("+cmd@example.com");
  await p.getByLabel("Password").fill("x");
  await p.getByRole("button", { name: "Sign in" }).click();
  await expect(p.getByTestId("form-error")).toBeVisible();
  await anon.close();

  const res = await page.request.get(`/audit/export?actor=${encodeURIComponent("+cmd@example.com")}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const lines = (await res.text()).trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(",'+cmd@example.com,");

  // 50 per page: every export is itself audited, so 55 exports guarantee a second page.
  for (let i = 0; i < 55; i++) expect((await page.request.get("/audit/export?action=none")).status()).toBe(200);
  await page.goto("/audit?action=audit.export");
  await expect(page.getByTestId("audit-row")).toHaveCount(50);
  const firstPage = await page.getByTestId("audit-row").locator("td:first-child").allInnerTexts();
  await page.getByTestId("audit-next").click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page).toHaveURL(/action=audit\.export/);
  const second = await page.getByTestId("audit-row").locator("td:first-child").allInnerTexts();
  expect(second.length).toBeGreaterThanOrEqual(5);
  // Newest first across pages: the second page starts no later than the first ends.
  expect(second[0]! <= firstPage[firstPage.length - 1]!).toBe(true);
  await page.getByRole("link", { name: "← Newest" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
});
