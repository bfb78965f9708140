// The create form stops mistakes before anything exists: a local folder that is not there, and
// an API configuration without a start command. Both are field errors; no service is created.
import { test, expect } from "@playwright/test";
import { ListServicesCommand } from "@aws-sdk/client-apprunner";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { appRunner } from "./support/runtime-service";

async function serviceExists(name: string): Promise<boolean> {
  let token: string | undefined;
  do {
    const page = await appRunner().send(new ListServicesCommand({ NextToken: token }));
    if (page.ServiceSummaryList?.some((s) => s.ServiceName === name)) return true;
    token = page.NextToken;
  } while (token);
  return false;
}

test("a missing local folder and a missing start command are field errors; nothing is created", async ({ page }) => {
  const name = `e2e-check-${randomBytes(3).toString("hex")}`;
  const missing = path.resolve("examples", `no-such-app-${randomBytes(3).toString("hex")}`);
  await page.goto("/services/new");
  const form = page.getByRole("form", { name: "Create service" });
  await form.getByLabel("Service name").fill(name);
  const repo = form.getByLabel("Repository URL or local path");
  await expect(page.getByText("a git URL is checked when it builds")).toBeVisible();
  await repo.fill(missing);
  await form.getByRole("button", { name: "Create service" }).click();
  await expect(page.locator("#repositoryUrl-error")).toContainText(`No folder at ${missing}`);
  await expect(repo).toHaveValue(missing);
  expect(await serviceExists(name)).toBe(false);

  // API configuration: the start command is required; its placeholder is an example, not a value.
  await repo.fill(path.resolve("examples/node-hello"));
  await form.getByLabel("Use apprunner.yaml from the repository").uncheck();
  await form.getByLabel("Runtime").selectOption("NODEJS_22");
  const start = form.getByLabel("Start command", { exact: true });
  await expect(start).toHaveValue("");
  await expect(start).toHaveAttribute("placeholder", /^e\.g\. /);
  await form.getByRole("button", { name: "Create service" }).click();
  await expect(page.locator("#startCommand-error")).toContainText("starts your app");
  expect(await serviceExists(name)).toBe(false);
});
