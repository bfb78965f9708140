// A scheduled pause that meets an operation in progress: the scheduler retries with backoff,
// the Schedule tab says so, and the warning clears once the pause goes through. The operation
// is a deployment whose build waits for the test (held-source.ts), so "in progress" lasts
// exactly as long as the test needs; the pause is due at a window's end a minute or two out
// (a schedule can only be saved on a running service, so the failure has to come later). The
// page stays open throughout, never reloaded: it follows the scheduler by itself.
import { test, expect } from "@playwright/test";
import { CreateServiceCommand, DescribeServiceCommand, StartDeploymentCommand } from "@aws-sdk/client-apprunner";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { signInAsNewUser } from "./support/auth";
import { statusBadge } from "./support/console-forms";
import { heldSource } from "./support/held-source";
import { appRunner, deleteService, waitRunning } from "./support/runtime-service";

const tag = randomBytes(3).toString("hex");
const shot = (name: string) => path.resolve("tmp", `schedule-retry-${name}.png`);
const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * A window "today 00:00 to HH:MM" whose end is the first whole minute at least `leadMs` from
 * now, in a zone where that is still today (UTC, or Tokyo when UTC is close to midnight).
 */
function windowEndingSoon(leadMs: number): { zone: string; day: string; end: string; endsAt: number } {
  const endsAt = Math.ceil((Date.now() + leadMs) / 60_000) * 60_000;
  for (const zone of ["UTC", "Asia/Tokyo"]) {
    const clock = (t: number) => Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(t).map((p) => [p.type, p.value]));
    const [now, end] = [clock(Date.now()), clock(endsAt)];
    if (now.day === end.day && `${now.hour}:${now.minute}` > "00:01") return { zone, day: end.weekday ?? "", end: `${end.hour}:${end.minute}`, endsAt };
  }
  throw new Error("no zone where the window fits in one day");
}

const status = async (arn: string) => (await appRunner().send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status;

test("a scheduled pause that meets a deployment in progress retries, says so on the Schedule tab, and clears once it pauses", async ({ browser }) => {
  test.setTimeout(420_000); // a budget for a loaded 2-core machine (the window ends up to 2 minutes out), not a timing assertion
  // The build waits up to 10 minutes: longer than this test, so only release() ends it.
  const held = heldSource({ giveUpMs: 600_000 });
  held.release();
  const created = await appRunner().send(
    new CreateServiceCommand({
      ServiceName: `sched-retry-${tag}`,
      SourceConfiguration: { AutoDeploymentsEnabled: false, CodeRepository: { RepositoryUrl: held.dir, SourceCodeVersion: { Type: "BRANCH", Value: "main" }, CodeConfiguration: { ConfigurationSource: "REPOSITORY" } } },
    }),
  );
  const arn = created.Service?.ServiceArn ?? "";
  try {
    await waitRunning(arn);
    const { context, page } = await signInAsNewUser(browser, "operator", "schedretry");
    await page.goto(`/services/us-east-1/${created.Service?.ServiceId}?tab=schedule`);
    const form = page.getByRole("form", { name: "Schedule" });

    // Running now, paused from the window's end on.
    const w = windowEndingSoon(60_000);
    await form.getByLabel("Time zone").fill(w.zone);
    const window1 = form.getByRole("group", { name: "Window 1" });
    for (const d of days) await window1.getByRole("checkbox", { name: d, exact: true }).setChecked(d === w.day);
    await window1.getByLabel("Window 1 start").fill("00:00");
    await window1.getByLabel("Window 1 end").fill(w.end);
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(form.getByTestId("form-success")).toContainText("Schedule saved");
    const region = page.getByRole("region", { name: "Schedule status" });
    await expect(page.getByTestId("next-pause")).toContainText(`${w.end} (${w.zone})`);

    // The scheduler's first look finds the service as the schedule wants it (running). From here
    // on the page is never reloaded: what the scheduler does shows up on the open page.
    await expect(region).toContainText("found the service already as scheduled", { timeout: 60_000 });

    // A deployment held in its build across the window's end.
    held.hold();
    await appRunner().send(new StartDeploymentCommand({ ServiceArn: arn }));
    await expect.poll(() => status(arn)).toBe("OPERATION_IN_PROGRESS");
    expect(Date.now(), "the deployment has to be under way before the window ends").toBeLessThan(w.endsAt);

    // At the window's end the pause fails: the tab says why and that it retries.
    const warning = region.getByRole("alert");
    await expect(warning).toContainText("An operation is in progress; will pause when it ends.", { timeout: 240_000 });
    await expect(warning).toContainText(/Failed \d+ times? in a row; retrying .*\(/);
    await expect(region.getByText("Retrying", { exact: true })).toBeVisible();
    await expect(page.getByTestId("schedule-line")).toContainText("last attempt failed, retrying");
    expect(await status(arn)).toBe("OPERATION_IN_PROGRESS"); // still held: nothing was paused under it
    await region.screenshot({ path: shot("warning") });

    // The build is released, the deployment ends, and the next retry pauses the service.
    held.release();
    await expect.poll(() => status(arn), { timeout: 180_000, intervals: [1_000] }).toBe("PAUSED");
    await expect(region).toContainText("paused the service", { timeout: 60_000 });
    await expect(warning).toHaveCount(0);
    await expect(statusBadge(page)).toHaveText("Paused", { timeout: 30_000 });
    await expect(region.getByText("Retrying", { exact: true })).toHaveCount(0);
    await expect(page.getByTestId("schedule-line")).not.toContainText("retrying");
    await context.close();
  } finally {
    held.release();
    await deleteService(arn);
  }
});
