// The Logs tab reads new lines on its own while an operation runs, even when the reader does
// not follow the tail; it keeps them in order and each once. The deployment's build waits for
// the test (held-source.ts), so "in progress" is held on purpose, never caught by luck.
import { test, expect } from "@playwright/test";
import { ListOperationsCommand } from "@aws-sdk/client-apprunner";
import { randomBytes } from "node:crypto";
import { heldSource } from "./support/held-source";
import { createServiceThroughForm, statusBadge as badge } from "./support/console-forms";
import { appRunner, deleteService, serviceArnByName as arnOf } from "./support/runtime-service";

test("the Logs tab shows a running deployment's lines without Follow and without a reload", async ({ page }) => {
  test.setTimeout(180_000);
  const name = `e2e-logs-${randomBytes(3).toString("hex")}`;
  const held = heldSource();
  held.release();
  let arn = "";
  try {
    await createServiceThroughForm(page, name, held.dir);
    arn = await arnOf(name);
    await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 90_000 });

    await page.goto(`${new URL(page.url()).pathname}?tab=logs`);
    const log = page.getByRole("log", { name: "Service log" });
    await expect(log).toContainText("Successfully built source code.");
    await expect(page.getByLabel("Follow")).not.toBeChecked();

    // The next build waits: the deployment stays in progress until released.
    held.hold();
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    await page.getByRole("form", { name: "Confirm deployment" }).getByRole("button", { name: "Start deployment" }).click();
    await expect(badge(page)).toHaveText("Deployment in progress");
    const ops = await appRunner().send(new ListOperationsCommand({ ServiceArn: arn }));
    const deploy = ops.OperationSummaryList?.find((o) => o.Type === "START_DEPLOYMENT");
    expect(deploy?.Id).toBeTruthy();
    await expect(log).toContainText(`Deployment with ID : ${deploy?.Id} started`);
    await expect(log.locator("div", { hasText: `Deployment with ID : ${deploy?.Id} started` })).toHaveCount(1);
    const times = await log.locator("time").evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  } finally {
    held.release();
    if (arn) await deleteService(arn);
  }
});
