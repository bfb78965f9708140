// Scheduled pause and resume in Chromium: bad input is refused at its field and saves nothing;
// a good schedule shows its time zone, next pause and resume, and what it saves a month, on
// the service page and in the cost estimator; the scheduler brings the service to the state
// the schedule asks for now.
import { test, expect } from "@playwright/test";
import { DescribeServiceCommand } from "@aws-sdk/client-apprunner";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { signInAsNewUser } from "./support/auth";
import { appRunner, createNodeService, deleteService } from "./support/runtime-service";

const tag = randomBytes(3).toString("hex");
const shot = (name: string) => path.resolve("tmp", `schedules-${name}.png`);

const berlinClock = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", hourCycle: "h23" });
const workdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

function berlin(t: Date): { date: string; weekday: string; hour: number } {
  const p = Object.fromEntries(berlinClock.formatToParts(t).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday ?? "", hour: Number(p.hour) };
}

/** What "Mon–Fri 08:00–19:00 Europe/Berlin" (with the date `pausedOn` kept paused) asks for at this moment. */
function berlinWorkHours(now = new Date(), pausedOn?: string): "RUNNING" | "PAUSED" {
  const b = berlin(now);
  if (b.date === pausedOn) return "PAUSED";
  return workdays.includes(b.weekday) && b.hour >= 8 && b.hour < 19 ? "RUNNING" : "PAUSED";
}

const HOUR = 3_600_000;
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/**
 * What the page should say the schedule saves when it prices the 730 hours from the hour that
 * starts at `hourStart`: paused hours counted by sampling Berlin's clock every 15 minutes (a
 * different method from lib/schedules), times one 2 GB instance's idle memory at $0.007/GB-h.
 */
function expectedSaving(hourStart: number, pausedOn?: string): string {
  let pausedQuarters = 0;
  for (let t = hourStart; t < hourStart + 730 * HOUR; t += HOUR / 4) if (berlinWorkHours(new Date(t), pausedOn) === "PAUSED") pausedQuarters++;
  return usd.format((pausedQuarters / 4) * 2 * 0.007);
}

/** The page prices from the start of the hour it renders in: the figure for the hour of `since` or, if the hour turns meanwhile, the next one's. */
function savingsSince(since: number, pausedOn?: string): RegExp {
  const hour = Math.floor(since / HOUR) * HOUR;
  const figures = [...new Set([expectedSaving(hour, pausedOn), expectedSaving(hour + HOUR, pausedOn)])];
  return new RegExp(`^(${figures.map((f) => f.replace(/[$.]/g, "\\$&")).join("|")})$`);
}

/** A Berlin working day at least `days` ahead: well inside the priced 730 hours. */
function berlinWorkdayAhead(days: number): string {
  for (let d = days; ; d++) {
    const b = berlin(new Date(Date.now() + d * 24 * HOUR));
    if (workdays.includes(b.weekday)) return b.date;
  }
}

test("add a schedule: bad input refused at its field, then its zone, next pause/resume and savings shown", async ({ browser }) => {
  test.setTimeout(300_000); // a budget for a loaded 2-core machine, not a timing assertion
  const service = await createNodeService(`sched-${tag}`);
  try {
    const { context, page } = await signInAsNewUser(browser, "operator", "schedop");
    const servicePath = `/services/us-east-1/${service.ServiceId}`;
    await page.goto(`${servicePath}?tab=schedule`);
    await expect(page.getByText("No schedule.")).toBeVisible();
    const form = page.getByRole("form", { name: "Schedule" });

    // An unknown time zone: an error at the field, nothing saved.
    await form.getByLabel("Time zone").fill("Mars/Olympus_Mons");
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "Unknown time zone" })).toBeVisible();
    await expect(form.getByLabel("Time zone")).toHaveAttribute("aria-invalid", "true");

    // Overlapping windows: the second one's start is marked, nothing saved.
    await form.getByLabel("Time zone").fill("Europe/Berlin");
    await form.getByRole("button", { name: "Add window" }).click();
    const second = form.getByRole("group", { name: "Window 2" });
    await second.getByRole("checkbox", { name: "Wed" }).check();
    await second.getByLabel("Window 2 start").fill("18:00");
    await second.getByLabel("Window 2 end").fill("20:00");
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(second.getByRole("alert")).toHaveText("Overlaps window 1 on Wed (18:00–19:00)");
    await expect(second.getByLabel("Window 2 start")).toHaveAttribute("aria-invalid", "true");
    await form.screenshot({ path: shot("overlap") });
    await page.reload();
    await expect(page.getByText("No schedule.")).toBeVisible();

    // A good one: Mon–Fri 08:00–19:00 Europe/Berlin (the editor's default windows).
    await form.getByLabel("Time zone").fill("Europe/Berlin");
    const savedAt = Date.now();
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(form.getByTestId("form-success")).toContainText("Schedule saved");
    const status = page.getByRole("region", { name: "Schedule status" });
    await expect(status).toContainText("Runs Mon–Fri 08:00–19:00");
    await expect(status).toContainText("Europe/Berlin");
    await expect(page.getByTestId("next-pause")).toContainText("19:00 (Europe/Berlin)");
    await expect(page.getByTestId("next-resume")).toContainText("08:00 (Europe/Berlin)");
    await expect(page.getByTestId("schedule-line")).toContainText("Scheduled (Europe/Berlin)");

    // Savings: the paused hours of the next 730 (from this hour, on Berlin's calendar), one
    // provisioned 1 vCPU / 2 GB instance's memory at $0.007 per GB-hour.
    const savings = page.getByRole("region", { name: "Schedule savings" });
    const saving = savingsSince(savedAt);
    await expect(savings.getByTestId("schedule-savings")).toHaveText(saving);
    await expect(savings.getByTestId("savings-span")).toContainText("Over the next 730 hours");
    await expect(savings.getByTestId("savings-span")).toContainText("(Europe/Berlin)");
    await expect(savings).toContainText("1 vCPU / 2 GB");
    await expect(savings.getByRole("table", { name: "Savings by price line" })).toContainText("Idle provisioned memory");
    await page.screenshot({ path: shot("tab"), fullPage: true });

    // The scheduler applies what the schedule asks for now (within seconds; polled, not timed).
    // (Recomputed at every poll, so a run that crosses 08:00 or 19:00 in Berlin still holds.)
    await expect
      .poll(async () => (await appRunner().send(new DescribeServiceCommand({ ServiceArn: service.ServiceArn }))).Service?.Status === berlinWorkHours(), { timeout: 90_000, intervals: [500] })
      .toBe(true);

    // The cost estimator lists the same saving.
    await page.goto("/costs");
    const row = page.getByRole("table", { name: "Savings per scheduled service" }).getByRole("row", { name: new RegExp(`sched-${tag}`) });
    await expect(row.getByRole("cell").nth(3)).toHaveText(saving);
    await expect(page.getByTestId("schedule-savings-span")).toContainText("next 730 hours");
    await expect(row).toContainText("Europe/Berlin");

    // A working day kept paused by exception adds its 11 running hours to the saving.
    const pausedOn = berlinWorkdayAhead(8);
    await page.goto(`${servicePath}?tab=schedule`);
    await form.getByRole("button", { name: "Add exception" }).click();
    await form.getByLabel("Exception 1 date").fill(pausedOn);
    await form.getByLabel("Exception 1 state").selectOption("paused");
    const exceptionSavedAt = Date.now();
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(form.getByTestId("form-success")).toContainText("Schedule saved");
    await expect(page.getByRole("region", { name: "Schedule status" })).toContainText(`exceptions: ${pausedOn} paused`);
    await expect(savings.getByTestId("schedule-savings")).toHaveText(savingsSince(exceptionSavedAt, pausedOn));
    await expect(savings.getByTestId("savings-span")).toContainText("exception dates in that span: 1.");
    await context.close();
  } finally {
    await deleteService(service.ServiceArn);
  }
});
