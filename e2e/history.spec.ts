// Service history in Chromium against the local runtime: a change made in the console gets a
// version with its author, two versions diff field by field, a rollback (diff and confirmation
// first) brings the old value back to what the app serves, a rollback to another service's
// version is refused with nothing changed, and a change made with Debian's AWS CLI shows up as
// "outside Runway".
import { test, expect } from "@playwright/test";
import { DescribeServiceCommand } from "@aws-sdk/client-apprunner";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { signInAsNewUser } from "./support/auth";
import { runtimeURL } from "./support/e2e-env";
import { createSourceService as createService, expectRollbackAudit, expectVersions, served, sourceConfiguration, versionRows } from "./support/history-page";
import { appRunner, deleteService, waitRunning } from "./support/runtime-service";

const debianAws = "/usr/bin/aws";

test("change an env var and the instance size, diff the two versions, roll back to the first: the old value is served", async ({ browser }) => {
  test.setTimeout(420_000);
  const { context, page, user } = await signInAsNewUser(browser, "operator", "history");
  const svc = await createService("hist", "first message");
  const other = await createService("histother", "other service");
  try {
    // The first read records what the service is.
    await expectVersions(page, svc.path, 1);
    await expect(versionRows(page).first()).toContainText("First seen by Runway");
    await expect(versionRows(page).first()).toContainText("outside Runway");

    // Change MESSAGE and the instance size in the console.
    await page.goto(`${svc.path}/edit`);
    const edit = page.getByRole("form", { name: "Update service" });
    await expect(edit.getByLabel("Variable 1 value")).toHaveValue("first message");
    await edit.getByLabel("Variable 1 value").fill("second message");
    await edit.getByLabel("CPU").selectOption("1 vCPU");
    await edit.getByLabel("Memory").selectOption("2 GB");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => served(page, svc.url), { timeout: 60_000, intervals: [1_000] }).toBe("second message\n");

    // Two versions, the newest by this operator; the default diff is v1 -> v2, field by field.
    await expectVersions(page, svc.path, 2);
    const newest = versionRows(page).first();
    await expect(newest).toHaveAttribute("data-version", "2");
    await expect(newest).toContainText("Configuration updated");
    await expect(newest).toContainText(user.email);
    const diff = page.getByRole("table", { name: "Differences" });
    await expect(diff.locator("tbody tr")).toHaveCount(3);
    await expect(diff.locator('tr[data-path="env.MESSAGE"]')).toHaveAttribute("data-kind", "changed");
    await expect(diff.locator('tr[data-path="env.MESSAGE"]')).toContainText("first message");
    await expect(diff.locator('tr[data-path="env.MESSAGE"]')).toContainText("second message");
    await expect(diff.locator('tr[data-path="instance.cpu"]')).toContainText("0.25 vCPU");
    await expect(diff.locator('tr[data-path="instance.cpu"]')).toContainText("1 vCPU");
    await expect(diff.locator('tr[data-path="instance.memory"]')).toHaveAttribute("data-kind", "changed");
    // The same two versions the other way round.
    await page.getByLabel("From version").selectOption({ label: "v2" });
    await page.getByLabel("To version").selectOption({ label: "v1" });
    await expect(diff.locator('tr[data-path="env.MESSAGE"] td').nth(3)).toHaveText("first message");

    // A rollback to another service's version is refused, and nothing changes.
    const foreignId = await (async () => {
      const p = await context.newPage();
      await expectVersions(p, other.path, 1);
      const id = (await versionRows(p).first().getAttribute("data-version-id")) ?? "";
      await p.close();
      return id;
    })();
    const ownV1 = (await versionRows(page).nth(1).getAttribute("data-version-id")) ?? "";
    await page.route("**/*", async (route) => {
      const body = route.request().postData();
      if (route.request().method() === "POST" && body?.includes(ownV1)) return route.continue({ postData: body.replace(ownV1, foreignId) });
      return route.continue();
    });
    await page.getByRole("button", { name: "Roll back to v1" }).click();
    await page.getByRole("dialog", { name: "Roll back to version 1" }).getByRole("button", { name: "Roll back", exact: true }).click();
    await expect(page.getByTestId("rollback-error")).toContainText("belongs to another service");
    await page.unrouteAll({ behavior: "wait" });
    expect(await served(page, svc.url)).toBe("second message\n");
    await expectVersions(page, svc.path, 2);

    // Roll back to v1: the diff and what cannot be restored come first, then one confirmation.
    await page.getByRole("button", { name: "Roll back to v1" }).click();
    const dialog = page.getByRole("dialog", { name: "Roll back to version 1" });
    const changes = dialog.getByRole("table", { name: "Rollback changes" });
    await expect(changes.locator('tr[data-path="env.MESSAGE"]')).toContainText("second message");
    await expect(changes.locator('tr[data-path="env.MESSAGE"]')).toContainText("first message");
    await expect(changes.locator('tr[data-path="instance.cpu"]')).toContainText("0.25 vCPU");
    await expect(dialog.getByRole("list", { name: "What a rollback does not restore" })).toContainText("restores the configuration, not the code");
    await dialog.getByRole("button", { name: "Roll back", exact: true }).click();
    await expect.poll(() => served(page, svc.url), { timeout: 60_000, intervals: [1_000] }).toBe("first message\n");

    // The rollback is a version of its own, by this operator, equal to v1; and it is audited as a rollback.
    await expectVersions(page, svc.path, 3);
    await expect(versionRows(page).first()).toContainText("Rollback to v1");
    await expect(versionRows(page).first()).toContainText(user.email);
    await page.getByLabel("From version").selectOption({ label: "v1" });
    await page.getByLabel("To version").selectOption({ label: "v3" });
    await expect(page.getByRole("region", { name: "Compare versions" })).toContainText("No differences.");
    const live = (await appRunner().send(new DescribeServiceCommand({ ServiceArn: svc.arn }))).Service;
    expect(live?.InstanceConfiguration).toMatchObject({ Cpu: expect.stringMatching(/^(256|0\.25 vCPU)$/), Memory: expect.stringMatching(/^(512|0\.5 GB)$/) });
    await expectRollbackAudit(page, user.email, "succeeded");
    await expect(page.getByTestId("audit-row").filter({ hasText: "belongs to another service" })).toHaveCount(1);
  } finally {
    await context.close();
    await deleteService(svc.arn);
    await deleteService(other.arn);
  }
});

test("a change made with the AWS CLI shows up as outside Runway", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await signInAsNewUser(browser, "viewer", "historycli");
  const svc = await createService("histcli", "before the cli");
  try {
    await expectVersions(page, svc.path, 1);
    await promisify(execFile)(
      debianAws,
      ["apprunner", "update-service", "--endpoint-url", runtimeURL, "--region", "us-east-1", "--service-arn", svc.arn, "--source-configuration", JSON.stringify(sourceConfiguration("set by the cli"))],
      { env: { ...process.env, AWS_ACCESS_KEY_ID: "e2e", AWS_SECRET_ACCESS_KEY: "e2e", AWS_PAGER: "", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" } },
    );
    await waitRunning(svc.arn);
    await expect.poll(() => served(page, svc.url), { timeout: 60_000, intervals: [1_000] }).toBe("set by the cli\n");

    await expectVersions(page, svc.path, 2);
    const newest = versionRows(page).first();
    await expect(newest).toHaveAttribute("data-origin", "outside");
    await expect(newest).toContainText("Changed outside Runway");
    await expect(newest).toContainText("outside Runway");
    const diff = page.getByRole("table", { name: "Differences" });
    await expect(diff.locator("tbody tr")).toHaveCount(1);
    await expect(diff.locator('tr[data-path="env.MESSAGE"]')).toContainText("set by the cli");
    // A viewer sees the history but cannot roll back.
    await expect(page.getByRole("button", { name: /Roll back/ })).toHaveCount(0);
  } finally {
    await context.close();
    await deleteService(svc.arn);
  }
});
