// Form errors appear once (at their field when they have one), a service URL is a link only
// while it serves, and the create form's Region sits like the other labelled fields.
import { test, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { heldSource } from "./support/held-source";

const repo = path.resolve("examples/node-hello");
const shot = (name: string) => path.resolve("tmp", `forms-and-service-url-${name}.png`);

async function expectStatus(page: Page, status: string, timeout = 90_000) {
  await expect(page.getByTestId("service-status").first()).toHaveAttribute("data-status", status, { timeout });
}

test("duplicate name: one error, at the name field; a paused service's URL is plain text until it resumes", async ({ page }) => {
  test.setTimeout(240_000);
  const name = `e2e-pol-${randomBytes(3).toString("hex")}`;

  await page.goto("/services/new");
  const form = page.getByRole("form", { name: "Create service" });
  // Region is a labelled field like its neighbour: same label style, control on the same line.
  const region = form.getByLabel("Region", { exact: true });
  await expect(region).toHaveValue("us-east-1");
  await expect(region).not.toBeEditable();
  const nameBox = (await form.getByLabel("Service name").boundingBox())!;
  const regionBox = (await region.boundingBox())!;
  expect(Math.abs(regionBox.y - nameBox.y)).toBeLessThan(1);
  expect(Math.abs(regionBox.height - nameBox.height)).toBeLessThan(1);
  await form.locator("fieldset").first().screenshot({ path: shot("region-label") });

  // The build waits for our signal, so "being created" lasts until we have looked at it.
  const held = heldSource();
  await form.getByLabel("Service name").fill(name);
  await form.getByLabel("Repository URL or local path").fill(held.dir);
  await form.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/services\/us-east-1\/[0-9a-f]+\?op=/);
  const servicePath = new URL(page.url()).pathname;
  // While it is being created the URL does not serve: no link yet, then a link once RUNNING.
  await expectStatus(page, "OPERATION_IN_PROGRESS");
  await expect(page.getByTestId("service-url")).toHaveAttribute("data-serving", "false");
  await expect(page.getByRole("link", { name: /\.localhost:\d+/ })).toHaveCount(0);
  held.release();
  await expectStatus(page, "RUNNING");
  await expect(page.getByTestId("service-url")).toHaveAttribute("href", /^http:\/\/.+\.localhost:\d+$/);

  // The same name again: App Runner's error once, at the name field, which gets the focus.
  await page.goto("/services/new");
  await form.getByLabel("Service name").fill(name);
  await form.getByLabel("Repository URL or local path").fill(repo);
  await form.getByRole("button", { name: "Create service" }).click();
  const nameError = page.locator("#serviceName-error");
  await expect(nameError).toContainText("already exists");
  await expect(nameError).toContainText("(InvalidRequestException)");
  await expect(page.getByText("already exists").filter({ visible: true })).toHaveCount(1);
  await expect(form.getByRole("alert")).toHaveCount(1);
  await expect(page.getByTestId("form-message")).toBeHidden();
  await expect(form.getByLabel("Service name")).toBeFocused();
  await expect(form.getByLabel("Repository URL or local path")).toHaveValue(repo);
  await page.screenshot({ path: shot("duplicate-name"), clip: { x: 0, y: 0, width: 1280, height: 420 } });
  // Editing the name clears the error without bringing back a banner.
  await form.getByLabel("Service name").fill(`${name}-2`);
  await expect(form.getByRole("alert")).toHaveCount(0);

  // Pause: on the service page the URL is plain text with a note, in the header and Overview.
  await page.goto(servicePath);
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await page.getByRole("button", { name: "Pause service" }).click();
  await expectStatus(page, "PAUSED");
  const url = page.getByTestId("service-url");
  await expect(url).toHaveAttribute("data-serving", "false");
  await expect(url).toContainText(".localhost:");
  await expect(url).toContainText("paused: not serving");
  await expect(page.getByRole("link", { name: /\.localhost:\d+/ })).toHaveCount(0);
  await page.screenshot({ path: shot("paused-service"), clip: { x: 0, y: 0, width: 1280, height: 520 } });

  // The dashboard row: the name links to the service, the URL does not link anywhere.
  await page.goto(`/services?q=${name}`);
  const row = page.locator(`tr[data-service="${name}"]`);
  await expect(row.getByTestId("service-url")).toContainText("paused: not serving");
  // (The row's cost cell also becomes a link when the fleet cost arrives: count only the URL.)
  await expect(row.getByTestId("service-url").getByRole("link")).toHaveCount(0);
  await expect(row.getByTestId("service-url")).not.toHaveAttribute("href", /.+/);
  await expect(row.getByRole("link", { name: /\.localhost:\d+/ })).toHaveCount(0);
  await expect(row.getByRole("link", { name, exact: true })).toHaveAttribute("href", servicePath);
  await page.getByTestId("services-table").screenshot({ path: shot("paused-dashboard") });

  // Resume: the link is back in both places.
  await page.goto(servicePath);
  await page.getByRole("button", { name: "Resume" }).click();
  await expectStatus(page, "RUNNING");
  await expect(page.getByTestId("service-url")).toHaveAttribute("href", /^http:\/\/.+\.localhost:\d+$/);
  await page.goto(`/services?q=${name}`);
  await expect(row.getByRole("link", { name: /\.localhost:\d+/ })).toHaveAttribute("href", /^http:\/\//);

  await page.goto(servicePath);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("form", { name: "Confirm delete" }).getByLabel(/to delete it/).fill(name);
  await page.getByRole("button", { name: "Delete service" }).click();
  await expect(page).toHaveURL(/\/services$/);
});

test("other forms: a clash on a field is shown once, at that field", async ({ page }) => {
  // Connections: the ready-made "Local runtime" name is taken.
  await page.goto("/settings/connections/new");
  await page.getByLabel("Name").fill("Local runtime");
  await page.getByLabel("Kind").selectOption("local");
  await page.getByLabel("Endpoint URL").fill("http://127.0.0.1:9");
  await page.getByLabel("Access key ID").fill("e2e-key");
  await page.getByLabel("Secret access key").fill("e2e-secret");
  await page.getByRole("button", { name: "Add connection" }).click();
  await expect(page.locator("#name-error")).toHaveText("Already used by another connection");
  await expect(page.getByTestId("form-error")).toBeHidden();
  await expect(page.getByRole("alert").filter({ hasText: /already/i })).toHaveCount(1);

  // Users: the setup admin's email is taken.
  await page.goto("/users");
  const add = page.getByRole("form", { name: "Add user" });
  await add.getByLabel("Name").fill("Clash Tester");
  await add.getByLabel("Email").fill("admin@example.com");
  await add.getByLabel("Initial password").fill("long-enough-password");
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(add.locator("#email-error")).toHaveText("Already registered");
  await expect(add.getByTestId("form-error")).toBeHidden();
  await expect(add.getByRole("alert")).toHaveCount(1);

  // A validation error: once, at the field, without a "check the highlighted fields" banner.
  await add.getByLabel("Email").fill("not-an-email");
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(add.locator("#email-error")).toHaveText("Enter a valid email address");
  await expect(add.getByRole("alert")).toHaveCount(1);
});
