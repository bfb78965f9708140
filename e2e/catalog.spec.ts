// The team catalog in Chromium against the local runtime: sync, a team owning a tier 1 service
// whose MinSize check fails with its fix, filters held in the URL, the Backstage YAML round trip
// into a wiped catalog, and a broken file that changes nothing.
import { test, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { AppRunnerClient, CreateServiceCommand } from "@aws-sdk/client-apprunner";
import { signInAsNewUser } from "./support/auth";
import { databaseUrl, runtimeURL } from "./support/e2e-env";

// Generous timeouts: the machine running the suite may be loaded; nothing here asserts timing.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const suffix = randomBytes(3).toString("hex");
const service = `cat-${suffix}`;
const team = `team-${suffix}`;
let entryPath = "";

async function exportEntry(page: Page): Promise<string> {
  const res = await page.request.get(`/catalog/export?entry=${entryPath.split("/").pop()}`);
  expect(res.status()).toBe(200);
  return res.text();
}

test("sync creates an entry for a runtime service; a team owns it at tier 1 and the MinSize check fails with its fix", async ({ page }) => {
  // Seed: a real service on the local runtime, created through the SDK like any App Runner client.
  const client = new AppRunnerClient({ region: "us-east-1", endpoint: runtimeURL, credentials: { accessKeyId: "runway", secretAccessKey: "runway-local" } });
  await client.send(
    new CreateServiceCommand({
      ServiceName: service,
      SourceConfiguration: {
        AutoDeploymentsEnabled: false,
        CodeRepository: {
          RepositoryUrl: path.resolve("examples/node-hello"),
          SourceCodeVersion: { Type: "BRANCH", Value: "main" },
          CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "node server.js" } },
        },
      },
    }),
  );

  await page.goto("/catalog");
  await page.getByRole("button", { name: "Sync now" }).click();
  // Not an exact region count: connections.spec.ts may add a connection (two more regions) while
  // this runs. sync-catalog.test.ts counts regions against one known connection.
  await expect(page.getByTestId("sync-result")).toContainText(/Synced \d+ regions?: /);
  const row = page.getByTestId("catalog-row").filter({ hasText: service });
  await expect(row).toBeVisible();
  await expect(row.getByText("No owner")).toBeVisible();

  // An admin creates the team; a bad name gets Backstage's rule at the field.
  await page.goto("/teams");
  const create = page.getByRole("form", { name: "Create team" });
  await create.getByLabel("Team name").fill("Bad Name!");
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(page.locator("#name-error")).toContainText("Backstage's name rule");
  await create.getByLabel("Team name").fill(team);
  await create.getByLabel("Description").fill("Owns the catalog e2e service");
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(create.getByRole("status")).toContainText(`Created ${team}`);

  // Assign owner and tier 1; a non-http link is refused at its field and nothing is saved.
  await page.goto("/catalog");
  await page.getByTestId("catalog-row").filter({ hasText: service }).getByRole("link", { name: service }).click();
  await expect(page).toHaveURL(/\/catalog\/[a-z0-9]+$/);
  entryPath = new URL(page.url()).pathname;
  const form = page.getByRole("form", { name: "Edit catalog entry" });
  await form.getByLabel("Owner team").selectOption(team);
  await form.getByLabel("Tier").selectOption("1");
  await form.getByLabel("Runbook link").fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Save entry" }).click();
  await expect(page.locator("#runbookUrl-error")).toHaveText("Links must be http:// or https:// URLs");
  await page.reload();
  await expect(page.getByText("No owner").first()).toBeVisible();

  await form.getByLabel("Owner team").selectOption(team);
  await form.getByLabel("Tier").selectOption("1");
  await form.getByLabel("Lifecycle").selectOption("production");
  await form.getByLabel("System").fill(`shop-${suffix}`);
  await form.getByLabel("Runbook link").fill("https://wiki.example.com/runbook");
  await form.getByLabel("On-call link").fill("https://pager.example.com/team");
  await form.getByLabel("Tags").fill("e2e, catalog");
  await form.getByRole("button", { name: "Save entry" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved ${service}`);
  await page.reload();

  // The checks stream in after the page (read from the service now); until then a fallback from the
  // last sync shows, and for a moment both are in the document. Wait for the live list, read the visible one.
  await expect(page.getByText("Reading the service's current configuration")).toHaveCount(0);
  const checks = page.getByRole("region", { name: "Readiness checks" });
  const minSize = checks.getByTestId("check-tier1-min-size");
  await expect(minSize).toHaveAttribute("data-status", "fail");
  await expect(minSize).toContainText("MinSize is 1");
  await expect(minSize).toContainText("Fix: Create an auto scaling configuration with MinSize 2 or more");
  await expect(checks.getByTestId("check-production-http-health-check")).toHaveAttribute("data-status", "fail");
  await expect(checks.getByTestId("check-ownership")).toHaveAttribute("data-status", "pass");

  // The edit is in the audit history with before and after.
  await page.goto(`/audit?action=catalog.update_entry`);
  await expect(page.getByTestId("audit-table")).toContainText("catalog.update_entry");
  await expect(page.getByTestId("audit-table")).toContainText(team);

  // The team page lists it with its projected month, read from real usage (a provisioned instance
  // costs its memory even when idle, so the total is never $0.00 while the service runs).
  await page.goto("/teams");
  await page.getByRole("link", { name: team }).click();
  await expect(page.getByTestId("team-services")).toContainText(service);
  await expect(page.getByTestId("team-total")).toHaveText(/^\$(?!0\.00$)[\d,]+\.\d{2}$/);
});

test("filters and search find the service, and the URL holds them", async ({ page }) => {
  await page.goto("/catalog");
  await page.getByLabel("Filter by tier").selectOption("1");
  await page.getByLabel("Filter by team").selectOption(team);
  await page.getByLabel("Search catalog").fill(`shop-${suffix}`); // matches its system
  await expect(page.getByTestId("catalog-row")).toHaveCount(1);
  await expect(page.getByTestId("catalog-row")).toContainText(service);
  await expect(page).toHaveURL(new RegExp(`q=shop-${suffix}.*`));
  const shared = page.url();
  expect(shared).toContain("tier=1");
  expect(shared).toContain(`team=${team}`);

  // The shared URL opens the same view.
  await page.goto(shared);
  await expect(page.getByLabel("Search catalog")).toHaveValue(`shop-${suffix}`);
  await expect(page.getByTestId("catalog-row")).toHaveCount(1);
  await page.getByLabel("Search catalog").fill(`no-such-thing-${suffix}`);
  await expect(page.getByTestId("catalog-row")).toHaveCount(0);
  await expect(page.getByText("No entries match this search.")).toBeVisible();
});

test("an operator outside the owning team cannot edit the entry", async ({ browser }) => {
  const { context, page } = await signInAsNewUser(browser, "operator", "catop");
  await expect(page.getByTestId("current-user")).toBeVisible(); // the sign-in has landed
  await page.goto(entryPath);
  await expect(page.getByText(`Only members of ${team} or an admin can edit this entry.`)).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit catalog entry" })).toHaveCount(0);
  await context.close();
});

test("export YAML, import into a wiped catalog: the same entry; a broken file changes nothing", async ({ page }) => {
  const before = await exportEntry(page);
  expect(before).toContain("aws.amazon.com/aws-app-runner-service-arn: arn:aws:apprunner:us-east-1:");
  expect(before).toContain(`kind: Group\nmetadata:\n  name: ${team}`);
  expect(before).toContain(`owner: group:default/${team}`);

  // A fresh catalog: no teams, systems or entries (the console's own tables stay).
  const sqlite = new Database(databaseUrl.slice("file:".length));
  sqlite.exec('DELETE FROM "CatalogEntry"; DELETE FROM "CatalogSystem"; DELETE FROM "TeamMember"; DELETE FROM "Team";');
  sqlite.close();
  await page.goto("/catalog");
  await expect(page.getByTestId("catalog-row")).toHaveCount(0);

  await page.goto("/catalog/import");
  const form = page.getByRole("form", { name: "Import catalog" });
  await form.getByLabel("catalog-info.yaml file").setInputFiles({ name: "catalog-info.yaml", mimeType: "application/yaml", buffer: Buffer.from(before) });
  await expect(form.getByLabel("Documents")).toHaveValue(before);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText("Imported 1 component (1 new), 1 group and 1 system");

  await page.goto("/catalog");
  const row = page.getByTestId("catalog-row").filter({ hasText: service });
  await row.getByRole("link", { name: service }).click();
  await expect(page).toHaveURL(/\/catalog\/[a-z0-9]+$/);
  entryPath = new URL(page.url()).pathname;
  expect(await exportEntry(page)).toBe(before);

  // Broken: the second document is valid, the third has a tier out of range. Nothing applies,
  // not even the valid Group change before it.
  const lines = before.split("\n");
  const broken = before.replace("Owns the catalog e2e service", "Changed by a broken import").replace('runway/tier: "1"', 'runway/tier: "9"');
  const tierLine = broken.split("\n").findIndex((l) => l.includes('runway/tier: "9"')) + 1;
  expect(lines.length).toBeGreaterThan(tierLine);
  await page.goto("/catalog/import");
  await form.getByLabel("Documents").fill(broken);
  await form.getByRole("button", { name: "Import" }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("Nothing was imported");
  await expect(errors).toContainText(`Document 3, line ${tierLine}: Component "${service}": runway/tier: Tier must be 1 (critical), 2 or 3`);
  expect(await exportEntry(page)).toBe(before);

  // Broken YAML syntax names its line too.
  await form.getByLabel("Documents").fill(`${before}---\nkind: Component\nmetadata: [unclosed\n`);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(errors).toContainText(/Document 4, line \d+: YAML syntax/);
  expect(await exportEntry(page)).toBe(before);
});
