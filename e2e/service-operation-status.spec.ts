// While an operation runs, the badge, the buttons and the operation log say the same thing,
// and each operation (create, deployment) streams its own log. The builds wait for the test
// (held-source.ts), so "in progress" is held on purpose, never caught by luck. Pause and Deploy
// ask first; the page renders with no browser console error in a time zone far from the server's.
import { test, expect, type Page } from "@playwright/test";
import { ListOperationsCommand } from "@aws-sdk/client-apprunner";
import { randomBytes } from "node:crypto";
import { heldSource } from "./support/held-source";
import { createServiceThroughForm, statusBadge as badge } from "./support/console-forms";
import { appRunner, deleteService, serviceArnByName as arnOf } from "./support/runtime-service";
import { watchConsoleErrors } from "./support/console-errors";

test.use({ timezoneId: "Pacific/Auckland", locale: "de-DE" });

const panel = (page: Page) => page.getByRole("region", { name: "Operation progress" });

async function newestOperation(arn: string): Promise<{ id: string; type: string }> {
  const out = await appRunner().send(new ListOperationsCommand({ ServiceArn: arn }));
  const newest = [...(out.OperationSummaryList ?? [])].sort((a, b) => (b.StartedAt?.getTime() ?? 0) - (a.StartedAt?.getTime() ?? 0))[0];
  return { id: newest?.Id ?? "", type: newest?.Type ?? "" };
}

test("badge, buttons and log agree while a create and a deployment run; each streams its own log", async ({ page }) => {
  test.setTimeout(180_000);
  const browserConsole = watchConsoleErrors(page);
  const name = `e2e-opstat-${randomBytes(3).toString("hex")}`;
  const held = heldSource();
  let arn = "";
  try {
    await createServiceThroughForm(page, name, held.dir);
    const createOp = new URL(page.url()).searchParams.get("op") ?? "";
    arn = await arnOf(name);

    // The tab is titled with the service's name, not its id.
    await expect(page).toHaveTitle(`${name} · Runway`);

    // Held in its build: all three say "creation in progress".
    await expect(badge(page)).toHaveAttribute("data-status", "OPERATION_IN_PROGRESS");
    await expect(badge(page)).toHaveText("Creation in progress");
    await expect(panel(page).getByTestId("operation-heading")).toHaveText("Creation in progress: build and deployment log");
    await expect(panel(page)).toHaveAttribute("data-operation", createOp);
    for (const b of ["Deploy", "Pause", "Delete"]) await expect(page.getByRole("button", { name: b, exact: true })).toBeDisabled();
    await expect(panel(page).getByTestId("log-lines")).toContainText(`Deployment with ID : ${createOp} started`);

    // Released: all three move together to the result.
    held.release();
    await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 90_000 });
    await expect(panel(page).getByTestId("operation-heading")).toHaveText("Creation succeeded: build and deployment log");
    await expect(page.getByRole("button", { name: "Deploy", exact: true })).toBeEnabled();
    await expect(panel(page).getByTestId("log-lines")).toContainText(`Deployment with ID : ${createOp} successfully completed`);

    // Deploy asks first, in a panel that does not move the header's buttons; Cancel starts nothing.
    const del = page.getByRole("button", { name: "Delete", exact: true });
    const before = await del.boundingBox();
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    const confirm = page.getByRole("form", { name: "Confirm deployment" });
    await expect(confirm).toContainText("built again from its source");
    expect(await del.boundingBox()).toEqual(before);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    expect((await newestOperation(arn)).id).toBe(createOp);

    // The next build waits again; the deployment gets its own log, not the create's.
    held.hold();
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    await confirm.getByRole("button", { name: "Start deployment" }).click();
    await expect(badge(page)).toHaveText("Deployment in progress");
    await expect(panel(page).getByTestId("operation-heading")).toHaveText("Deployment in progress: build and deployment log");
    const deployOp = await newestOperation(arn);
    expect(deployOp.type).toBe("START_DEPLOYMENT");
    await expect(panel(page)).toHaveAttribute("data-operation", deployOp.id);
    await expect(panel(page).getByTestId("log-lines")).toContainText(`Deployment with ID : ${deployOp.id} started`);
    await expect(panel(page).getByTestId("log-lines")).not.toContainText(createOp);
    for (const b of ["Deploy", "Pause", "Delete"]) await expect(page.getByRole("button", { name: b, exact: true })).toBeDisabled();
    held.release();
    await expect(badge(page)).toHaveAttribute("data-status", "RUNNING", { timeout: 90_000 });
    await expect(panel(page).getByTestId("operation-heading")).toHaveText("Deployment succeeded: build and deployment log");

    // Logs tab: oldest first, each milestone once (it is written to `events` and to the
    // deployment stream), application lines carry their instance.
    await page.goto(`${new URL(page.url()).pathname}?tab=logs`);
    const lines = page.getByTestId("log-lines").last();
    await expect(lines).toContainText("Successfully built source code.");
    await expect(lines.locator("div", { hasText: "Successfully built source code." })).toHaveCount(2);
    const times = await lines.locator("time").evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
    expect(times.length).toBeGreaterThan(3);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    await expect(lines.locator('[data-origin="application"]').first()).toContainText(/\[instance [0-9a-z-]+\]/i);
    // Search goes through FilterLogEvents: only matching lines come back.
    await page.getByLabel("Search logs").fill("Health check is successful");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(lines.locator("div").first()).toContainText("Health check is successful");
    await expect(lines).not.toContainText("Successfully built source code.");

    // Pause asks first and says what happens; confirmed, the service pauses.
    await page.goto(new URL(page.url()).pathname);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    const pause = page.getByRole("form", { name: "Confirm pause" });
    await expect(pause).toContainText("stops serving");
    await page.keyboard.press("Escape");
    await expect(pause).toHaveCount(0);
    await expect(badge(page)).toHaveAttribute("data-status", "RUNNING");
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await pause.getByRole("button", { name: "Pause service" }).click();
    await expect(badge(page)).toHaveAttribute("data-status", "PAUSED", { timeout: 60_000 });
    await expect(badge(page)).toHaveText("Paused");
    await expect(panel(page).getByTestId("operation-heading")).toHaveText("Pause succeeded: build and deployment log");

    // Audit: each operation is one row with its request and result times, the service by name.
    const audit = page.getByTestId("audit-table");
    await expect
      .poll(
        async () => {
          await page.goto(`/audit?target=${encodeURIComponent(arn)}`);
          return audit.locator('tr[data-folded="true"]', { hasText: "service.pause" }).count();
        },
        { timeout: 30_000, intervals: [1000] },
      )
      .toBe(1);
    for (const action of ["service.create", "service.deploy", "service.pause"]) {
      const rows = audit.locator("tr", { hasText: action });
      await expect(rows).toHaveCount(1);
      await expect(rows).toContainText("requested");
      await expect(rows).toContainText("succeeded");
    }
    await expect(audit.getByRole("link", { name, exact: true }).first()).toHaveAttribute("title", arn);

    expect(browserConsole.errors).toEqual([]);
  } finally {
    held.release();
    if (arn) await deleteService(arn);
  }
});
