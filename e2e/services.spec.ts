// An operator's whole service lifecycle in Chromium against the local runtime, then what a
// viewer may (not) do, then the audit trail.
import { addUnreachableConnection } from "./support/console-forms";
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { signInAsNewUser } from "./support/auth";

test.describe.configure({ mode: "serial" });

const name = `e2e-${randomBytes(3).toString("hex")}`;
const repo = path.resolve("examples/node-hello");

async function expectStatus(page: Page, status: string, timeout = 60_000) {
  await expect(page.getByTestId("service-status").first()).toHaveAttribute("data-status", status, { timeout });
}

/** The app's answer at its service URL, opened in the browser (*.localhost resolves to loopback). */
async function appAnswer(page: Page, url: string): Promise<{ status: number; text: string }> {
  const p = await page.context().newPage();
  try {
    const res = await p.goto(url);
    return { status: res?.status() ?? 0, text: (await p.textContent("body")) ?? "" };
  } finally {
    await p.close();
  }
}

test("operator: create, serve, logs, update, pause, resume, deploy, domain, viewer denied, delete, audit", async ({ browser }) => {
  test.setTimeout(600_000); // a budget for a loaded 2-core machine (this test walks a whole service life), not a timing assertion
  const { context, page, user } = await signInAsNewUser(browser, "operator", "svcop");

  // Create from the Node example, with API-configured build/run and an env var.
  await page.goto("/services");
  await page.getByRole("link", { name: "Create service" }).click();
  const form = page.getByRole("form", { name: "Create service" });
  await form.getByLabel("Service name").fill("ab");
  await form.getByRole("button", { name: "Create service" }).click();
  await expect(page.locator("#serviceName-error")).toContainText("4 to 40 characters");
  await form.getByLabel("Service name").fill(name);
  await form.getByLabel("Repository URL or local path").fill(repo);
  await form.getByLabel("Use apprunner.yaml from the repository").uncheck();
  await form.getByLabel("Runtime").selectOption("NODEJS_22");
  await form.getByLabel("Start command", { exact: true }).fill("node server.js");
  await form.getByLabel("CPU").selectOption("0.25 vCPU");
  await form.getByLabel("Memory").selectOption("0.5 GB");
  await form.getByRole("button", { name: "Add variable" }).click();
  await form.getByLabel("Variable 1 name").fill("MESSAGE");
  await form.getByLabel("Variable 1 value").fill("hello from e2e");
  await form.getByRole("button", { name: "Add variable" }).click();
  await form.getByLabel("Variable 2 name").fill("API_TOKEN");
  await form.getByTestId("env-row").nth(1).getByLabel("secret").check();
  await form.getByLabel("Variable 2 value").fill("tok-very-secret");
  await form.getByLabel("Protocol").selectOption("HTTP");
  await form.getByLabel("Path", { exact: true }).fill("/health");
  await form.getByLabel("Interval (s)").fill("1");
  await form.getByRole("button", { name: "Create service" }).click();

  await expect(page).toHaveURL(/\/services\/us-east-1\/[0-9a-f]+\?op=/);
  await expect(page.getByRole("region", { name: "Operation progress" })).toBeVisible();
  await expectStatus(page, "RUNNING");
  const serviceUrl = (await page.getByTestId("service-url").getAttribute("href")) ?? "";
  expect(serviceUrl).toMatch(/^http:\/\/.+\.localhost:\d+$/);
  expect(await appAnswer(page, serviceUrl)).toEqual({ status: 200, text: "hello from e2e\n" });
  const servicePath = new URL(page.url()).pathname;

  // The build/deploy log of the create operation streamed on the page.
  await expect(page.getByTestId("log-lines").first()).not.toContainText("No log lines", { timeout: 15_000 });

  // A failed create shows App Runner's error in plain words with its code and keeps the form;
  // a name clash is shown at the name field (forms-and-service-url.spec.ts checks it is shown once).
  await page.goto("/services/new");
  const again = page.getByRole("form", { name: "Create service" });
  await again.getByLabel("Service name").fill(name);
  await again.getByLabel("Repository URL or local path").fill(repo);
  await again.getByRole("button", { name: "Create service" }).click();
  await expect(page.locator("#serviceName-error")).toContainText("(InvalidRequestException)");
  await expect(page.locator("#serviceName-error")).toContainText("already exists");
  await expect(again.getByLabel("Service name")).toHaveValue(name);
  await expect(again.getByLabel("Repository URL or local path")).toHaveValue(repo);

  // Application log.
  await page.goto(`${servicePath}?tab=logs`);
  await page.getByLabel("Log source").selectOption("application");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("log-lines")).toContainText("node-hello listening", { timeout: 15_000 });
  // Search narrows the lines; a window in the past has none.
  await page.getByLabel("Log source").selectOption("all");
  await page.getByLabel("Search logs").fill("Health check");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("log-lines")).toContainText("Health check");
  await expect(page.getByTestId("log-lines")).not.toContainText("node-hello listening");
  await page.getByLabel("Time range").selectOption({ label: "Custom range" });
  await page.getByLabel("From").fill("2020-01-01T00:00");
  await page.getByLabel("To").fill("2020-01-02T00:00");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("log-lines")).toContainText("No log lines in this range.");

  // Configuration shows the secret's name only.
  await page.goto(`${servicePath}?tab=configuration`);
  await expect(page.getByTestId("env-table")).toContainText("API_TOKEN");
  await expect(page.getByTestId("env-table")).toContainText("secret");
  await expect(page.locator("body")).not.toContainText("tok-very-secret");

  // Update one env var; the app serves the new value.
  await page.goto(servicePath);
  await page.getByRole("link", { name: "Edit configuration" }).click();
  const edit = page.getByRole("form", { name: "Update service" });
  await expect(edit.getByLabel("Variable 1 value")).toHaveValue("hello from e2e");
  await expect(edit.getByLabel("Variable 2 value")).toHaveValue("");
  await edit.getByLabel("Variable 1 value").fill("updated by e2e");
  await edit.getByRole("button", { name: "Add tag" }).click();
  await edit.getByLabel("Tag 1 key").fill("team");
  await edit.getByLabel("Tag 1 value").fill("web");
  await edit.getByRole("button", { name: "Save changes" }).click();
  // Back on the service page (not still on .../edit, which the bare path would also match).
  await expect(page).toHaveURL(new RegExp(`${servicePath}(\\?.*)?$`));
  await expect.poll(async () => (await appAnswer(page, serviceUrl)).text, { timeout: 60_000, intervals: [1000] }).toBe("updated by e2e\n");
  await page.reload();
  await expectStatus(page, "RUNNING");
  await expect(page.getByRole("definition").filter({ hasText: "team=web" })).toBeVisible();

  // Export: yaml and CLI, no secret values.
  await page.goto(`${servicePath}?tab=export`);
  await expect(page.getByTestId("export-cli")).toContainText("aws apprunner create-service");
  await expect(page.getByTestId("export-cli")).toContainText(`--service-name ${name}`);
  await expect(page.getByTestId("export-yaml")).toContainText("runtime: nodejs22");
  await expect(page.locator("body")).not.toContainText("tok-very-secret");

  // Pause: the service answers as paused. Resume: it serves again.
  await page.goto(servicePath);
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await page.getByRole("form", { name: "Confirm pause" }).getByRole("button", { name: "Pause service" }).click();
  await expectStatus(page, "PAUSED");
  const paused = await appAnswer(page, serviceUrl);
  expect(paused.status).toBe(404);
  expect(paused.text.toLowerCase()).toContain("paused");
  await page.getByRole("button", { name: "Resume" }).click();
  await expectStatus(page, "RUNNING");
  expect((await appAnswer(page, serviceUrl)).text).toBe("updated by e2e\n");

  // Start a deployment while the Logs tab follows the application output: the new
  // instance's start line streams in without a reload. Then it shows in Activity.
  await page.goto(`${servicePath}?tab=logs`);
  await page.getByLabel("Log source").selectOption("application");
  await page.getByRole("button", { name: "Show" }).click();
  const listening = page.getByTestId("log-lines").locator("div", { hasText: "node-hello listening" });
  await expect(listening.first()).toBeVisible();
  const before = await listening.count();
  await page.getByLabel("Follow").check();
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(servicePath)), page.getByRole("button", { name: "Start deployment" }).click()]);
  await expect.poll(() => listening.count(), { timeout: 30_000 }).toBeGreaterThan(before);
  await expectStatus(page, "RUNNING");
  await page.goto(`${servicePath}?tab=activity`);
  const activity = page.getByTestId("activity-table");
  for (const type of ["CREATE_SERVICE", "UPDATE_SERVICE", "PAUSE_SERVICE", "RESUME_SERVICE", "START_DEPLOYMENT"]) {
    await expect(activity.locator(`tr[data-operation="${type}"][data-operation-status="SUCCEEDED"]`)).toHaveCount(1, { timeout: 30_000 });
  }

  // Custom domain: associate and see the validation records.
  const domain = `${name}.example.com`;
  await page.goto(`${servicePath}?tab=domains`);
  await page.getByLabel("Domain name").fill(domain);
  await page.getByRole("button", { name: "Associate domain" }).click();
  const card = page.locator(`[data-domain="${domain}"]`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId("validation-records")).toContainText("CNAME");

  // A viewer sees no operation buttons...
  const viewer = await signInAsNewUser(browser, "viewer", "svcview");
  await viewer.page.goto(servicePath);
  await expectStatus(viewer.page, "RUNNING");
  await expect(viewer.page.getByRole("button", { name: "Pause" })).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(viewer.page.getByRole("link", { name: "Edit configuration" })).toHaveCount(0);
  // ...and is denied when the action is posted with their session anyway.
  const viewerEmail = viewer.user.email;
  const viewerCookie = (await viewer.context.cookies()).find((c) => c.name === "runway_session");
  await viewer.context.close();
  const swapped = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await swapped.addCookies((await context.cookies()).filter((c) => c.name === "runway_session"));
  const sp = await swapped.newPage();
  await sp.goto(servicePath);
  await expect(sp.getByRole("button", { name: "Pause" })).toBeEnabled();
  await swapped.addCookies([viewerCookie!]);
  await sp.getByRole("button", { name: "Pause", exact: true }).click();
  await sp.getByRole("button", { name: "Pause service" }).click();
  await expect(sp.getByText("Pause failed: Your role (viewer) is not allowed to do this.")).toBeVisible();
  await swapped.close();
  await page.reload();
  await expectStatus(page, "RUNNING");

  // Delete, typing the name to confirm.
  await page.goto(servicePath);
  await page.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("form", { name: "Confirm delete" });
  await expect(confirm.getByRole("button", { name: "Delete service" })).toBeDisabled();
  await confirm.getByLabel(/to delete it/).fill(name);
  await confirm.getByRole("button", { name: "Delete service" }).click();
  await expect(page).toHaveURL(/\/services$/);
  await expect.poll(async () => {
    await page.goto(`/services?q=${name}`);
    return page.getByTestId("services-count").textContent();
  }, { timeout: 30_000, intervals: [1000] }).toBe("0 services");

  // Every operation is in the audit list: requested, then its final result (written when
  // the operation ends, so the delete's may take a poll or two).
  const audit = page.getByTestId("audit-table");
  await expect
    .poll(
      async () => {
        await page.goto(`/audit?actor=${encodeURIComponent(user.email)}`);
        return audit.locator("tr", { hasText: "service.delete" }).filter({ hasText: "succeeded" }).count();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe(1);
  for (const action of ["service.create", "service.update", "service.pause", "service.resume", "service.deploy", "service.domain.associate", "service.delete"]) {
    await expect(audit.locator("tr", { hasText: action }).filter({ hasText: "requested" }).first()).toBeVisible();
    await expect(audit.locator("tr", { hasText: action }).filter({ hasText: "succeeded" }).first()).toBeVisible();
  }
  await expect(audit).toContainText(`service/${name}/`);
  await expect(audit).not.toContainText("tok-very-secret");
  await page.goto(`/audit?result=denied&actor=${encodeURIComponent(viewerEmail)}`);
  await expect(audit.locator("tr", { hasText: "service.pause" })).toContainText("role viewer lacks services:operate");
  await context.close();
});

test("dashboard: an unreachable endpoint is reported per region in plain words, all regions fan out", async ({ page }) => {
  // The admin adds a connection whose endpoint has nothing listening, and selects it.
  const broken = `svc-broken-${randomBytes(3).toString("hex")}`;
  await addUnreachableConnection(page, broken, ["us-east-1", "eu-west-1"]);

  await page.goto("/services");
  await page.getByTestId("connection-switcher").selectOption({ label: broken });
  await expect(page.getByText(`${broken} · us-east-1`)).toBeVisible();
  const alerts = page.getByRole("alert").filter({ hasText: "could not be reached" });
  await expect(alerts).toHaveCount(1, { timeout: 30_000 });
  await expect(alerts.first()).toContainText("us-east-1: The AWS endpoint could not be reached");
  await expect(alerts.first()).toContainText("(ECONNREFUSED)");

  await page.getByLabel("All regions").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/regions=all/);
  await expect(alerts).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "eu-west-1:" })).toContainText("ECONNREFUSED");

  // Back on the local runtime, the all-regions view lists services with their region.
  await page.getByTestId("connection-switcher").selectOption({ label: "Local runtime" });
  await expect(page.getByText("Local runtime · all regions")).toBeVisible();
  await expect(alerts).toHaveCount(0);
  await expect(page.getByTestId("services-count")).toBeVisible();

  // Clean up the broken connection.
  await page.goto("/settings/connections");
  await page.getByRole("link", { name: broken }).click();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete connection" }).click();
  await expect(page).toHaveURL(/\/settings\/connections\?deleted=1/);
});

test("an image service that cannot run ends CREATE_FAILED, says why, and allows only edit and delete", async ({ page }) => {
  const imageName = `e2e-img-${randomBytes(3).toString("hex")}`;
  await page.goto("/services/new");
  const form = page.getByRole("form", { name: "Create service" });
  await form.getByLabel("Service name").fill(imageName);
  await form.getByLabel("Container image").check();
  await form.getByLabel("Image URI").fill("public.ecr.aws/nginx/nginx:latest");
  await form.getByLabel("Port").fill("80");
  await form.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/services\/us-east-1\/[0-9a-f]+\?op=/);
  await expectStatus(page, "CREATE_FAILED");
  await page.reload();
  const progress = page.getByRole("region", { name: "Operation progress" });
  await expect(progress).toContainText("Creation failed");
  await expect(progress.getByTestId("log-lines")).not.toContainText("No log lines", { timeout: 15_000 });
  await expect(page.getByRole("button", { name: "Pause" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Deploy" })).toBeDisabled();
  await expect(page.getByRole("link", { name: "Edit configuration" })).not.toHaveAttribute("aria-disabled", "true");
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("form", { name: "Confirm delete" }).getByLabel(/to delete it/).fill(imageName);
  await page.getByRole("button", { name: "Delete service" }).click();
  await expect(page).toHaveURL(/\/services$/);
});
