// Sign-in helpers for specs: create users of any role through the Users page (as the
// setup project's admin) and open a browser context signed in as them.
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import type { Role } from "../../lib/auth/permissions";
import { adminStatePath } from "./e2e-env";

export interface TestUser {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Adds a user on the Users page; `adminPage` must be signed in as an admin. */
export async function createUser(adminPage: Page, role: Role, prefix: string = role): Promise<TestUser> {
  const user: TestUser = {
    name: `${prefix[0]?.toUpperCase()}${prefix.slice(1)} Tester`,
    email: `${prefix}-${randomBytes(4).toString("hex")}@example.com`,
    password: `pw-${randomBytes(8).toString("hex")}`,
    role,
  };
  await adminPage.goto("/users");
  const form = adminPage.getByRole("form", { name: "Add user" });
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toContainText(`Added ${user.email}`);
  return user;
}

/** A new browser context signed in as a fresh user of `role`. Close the context when done. */
export async function signInAsNewUser(browser: Browser, role: Role, prefix?: string): Promise<{ context: BrowserContext; page: Page; user: TestUser }> {
  const adminContext = await browser.newContext({ storageState: adminStatePath });
  const user = await createUser(await adminContext.newPage(), role, prefix);
  await adminContext.close();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return { context, page, user };
}
