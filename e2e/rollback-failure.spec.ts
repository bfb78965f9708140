// A rollback App Runner cannot complete: the version's source no longer exists (the nearest
// case to a deleted image that runs here: image services need a container engine these
// machines lack). The deployment fails, App Runner rolls the service back to what it ran, the
// page says why, the service keeps serving, no version is recorded for it, and the audit has the
// reason App Runner logged.
import { test, expect } from "@playwright/test";
import { DescribeServiceCommand, UpdateServiceCommand } from "@aws-sdk/client-apprunner";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { signInAsNewUser } from "./support/auth";
import { createSourceService, expectRollbackAudit, expectVersions, served, sourceConfiguration, versionRows } from "./support/history-page";
import { appRunner, deleteService, waitRunning } from "./support/runtime-service";

test("a rollback to a version whose source is gone fails with App Runner's reason; the service keeps serving", async ({ browser }) => {
  test.setTimeout(300_000);
  const { context, page, user } = await signInAsNewUser(browser, "operator", "rollfail");
  const oldRepo = mkdtempSync(path.join(os.tmpdir(), "runway-old-repo-"));
  cpSync(path.resolve("examples/node-hello"), oldRepo, { recursive: true });
  const svc = await createSourceService("rollfail", "from the old repository", oldRepo);
  try {
    await expectVersions(page, svc.path, 1);
    // The service moves to another repository (outside Runway); the old one is then deleted.
    await appRunner().send(new UpdateServiceCommand({ ServiceArn: svc.arn, SourceConfiguration: sourceConfiguration("from the new repository") }));
    await expect.poll(() => served(page, svc.url), { timeout: 60_000, intervals: [1_000] }).toBe("from the new repository\n");
    await waitRunning(svc.arn);
    await expectVersions(page, svc.path, 2);
    rmSync(oldRepo, { recursive: true, force: true });

    // Roll back to v1: the diff shows the old repository coming back.
    await page.getByRole("button", { name: "Roll back to v1" }).click();
    const dialog = page.getByRole("dialog", { name: "Roll back to version 1" });
    await expect(dialog.getByRole("table", { name: "Rollback changes" }).locator('tr[data-path="source.repositoryUrl"]')).toContainText(oldRepo);
    await dialog.getByRole("button", { name: "Roll back", exact: true }).click();

    // App Runner cannot fetch the source: the operation ends rolled back and its log says why.
    await expect(page.getByTestId("operation-heading")).toHaveText(/^Configuration update rolled back/, { timeout: 60_000 });
    const progress = page.getByRole("region", { name: "Operation progress" });
    await expect(progress).toContainText("Source repository not found", { timeout: 30_000 });
    await expect(progress).toContainText("Rolling back to previous deployment");

    // The service is as App Runner left it: running the new repository, and serving it.
    const live = (await appRunner().send(new DescribeServiceCommand({ ServiceArn: svc.arn }))).Service;
    expect(live?.Status).toBe("RUNNING");
    expect(live?.SourceConfiguration?.CodeRepository?.RepositoryUrl).toBe(path.resolve("examples/node-hello"));
    expect(await served(page, svc.url)).toBe("from the new repository\n");

    // The audit has the failed rollback with App Runner's reason; no version was recorded for it.
    const failed = await expectRollbackAudit(page, user.email, "failed");
    await expect(failed).toContainText("ROLLBACK_SUCCEEDED: Failed to pull your application source code: Source repository not found");
    await expectVersions(page, svc.path, 2);
    await expect(versionRows(page).first()).toHaveAttribute("data-version", "2");
  } finally {
    await context.close();
    rmSync(oldRepo, { recursive: true, force: true });
    await deleteService(svc.arn);
  }
});
