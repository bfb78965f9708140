// The migration planner in Chromium against services on the local runtime: the plan's mapping,
// gaps and cost difference on the Migrate tab, saving it, downloading the bundle and checking
// what is inside, an apprunner.yaml pasted for a repository-configured service, and the fleet.
import { test, expect } from "@playwright/test";
import { CreateServiceCommand } from "@aws-sdk/client-apprunner";
import { strFromU8, unzipSync } from "fflate";
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { addUnreachableConnection } from "./support/console-forms";
import { checkAgainstModel, type ServiceModelJson } from "../lib/migrate/model-check";
import { appRunner, createNodeService, deleteService, waitRunning } from "./support/runtime-service";

const tag = randomBytes(3).toString("hex");

test("a service's plan: mapping, gaps and cost difference, saved with its date and downloaded as a bundle", async ({ page }) => {
  test.setTimeout(600_000); // a budget for a loaded 2-core machine, not a timing assertion
  const s = await createNodeService(`mig-${tag}`);
  try {
    await page.goto(`/services/us-east-1/${s.ServiceId}?tab=migrate`);
    await expect(page.getByRole("tab", { name: "Migrate" })).toHaveAttribute("aria-selected", "true");

    // The mapping: a source service gets an ECR image built from a generated Dockerfile.
    const mapping = page.getByRole("table", { name: "What becomes what" });
    const account = s.ServiceArn.split(":")[4];
    await expect(mapping.getByRole("row", { name: /primaryContainer\.image/ })).toContainText(`${account}.dkr.ecr.us-east-1.amazonaws.com/mig-${tag}:latest`);
    await expect(mapping.getByRole("row", { name: /primaryContainer\.containerPort/ })).toContainText("8080");
    await expect(mapping.getByRole("row", { name: /scalingTarget\.autoScalingMetric/ })).toContainText("REQUEST_COUNT_PER_TARGET");
    const dockerfile = page.getByLabel("Dockerfile");
    await expect(dockerfile).toContainText("FROM public.ecr.aws/docker/library/node:22-slim");
    await expect(dockerfile).toContainText('CMD ["/bin/sh","-c","node server.js"]');

    // The gaps: the runtime's default TCP check applies, WAF cannot be read, auto-deploy is off.
    await expect(page.getByTestId("gap-tcp-health-check")).toContainText("applies");
    await expect(page.getByTestId("gap-waf")).toContainText("check");
    await expect(page.getByTestId("gap-auto-deploy")).toContainText("not used");
    await expect(page.getByRole("list", { name: "Decisions" })).toContainText("choose an HTTP path");

    // The cost side by side: App Runner today and both Fargate architectures, with a difference.
    await expect(page.getByTestId("cost-apprunner")).toContainText("$");
    await expect(page.getByTestId("cost-x86")).toContainText(/[+−]\$[\d,]+\.\d\d|\$0\.00/);
    await expect(page.getByTestId("cost-arm")).toContainText(/[+−]\$[\d,]+\.\d\d|\$0\.00/);
    await expect(page.getByRole("region", { name: "Monthly cost" })).toContainText("Prices for us-east-1, checked");

    // Save: the plan is kept with its date and opens with its download.
    await page.getByRole("button", { name: "Save plan" }).click();
    await expect(page).toHaveURL(/\/migrate\/plans\/[a-z0-9]+$/);
    await expect(page.getByRole("heading", { name: `Migration plan: mig-${tag}` })).toBeVisible();
    // The time and its zone are joined by a no-break space (components/ui/time.tsx).
    await expect(page.getByText(/^Saved \d{4}-\d\d-\d\d \d\d:\d\d\sUTC/)).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download bundle" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^mig-${tag}-ecs-express-\\d{4}-\\d\\d-\\d\\d\\.zip$`));
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const byName = Object.fromEntries(Object.entries(files).map(([k, v]) => [k.split("/").slice(1).join("/"), strFromU8(v)]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(["express-service.json", "Dockerfile", "README.md", "iam/execution-role-trust.json", "iam/infrastructure-role-trust.json", "iam/create-roles.sh", "image/build-and-push.sh"]));
    const request = JSON.parse(byName["express-service.json"]!);
    expect(request).toMatchObject({ serviceName: `mig-${tag}`, healthCheckPath: "/", primaryContainer: { containerPort: 8080 }, scalingTarget: { autoScalingMetric: "REQUEST_COUNT_PER_TARGET" } });
    // The downloaded request is one ECS accepts: the official model, and AWS CLI v1's own validation
    // (pointed at a closed port, so a valid request fails only to connect).
    const model = JSON.parse(readFileSync(path.resolve("lib/migrate/models/ecs.service-2.json"), "utf8")) as ServiceModelJson;
    expect(checkAgainstModel(model, "CreateExpressGatewayServiceRequest", request)).toEqual([]);
    const file = path.join(os.tmpdir(), `express-${tag}.json`);
    writeFileSync(file, byName["express-service.json"]!);
    const cli = spawnSync("aws", ["ecs", "create-express-gateway-service", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9", "--cli-input-json", `file://${file}`, "--cli-connect-timeout", "2"], {
      encoding: "utf8",
      env: { ...process.env, AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_MAX_ATTEMPTS: "1", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" },
    });
    expect(cli.stderr).toMatch(/Could not connect to the endpoint URL/);
    expect(byName["README.md"]).toContain(`aws apprunner delete-service --region us-east-1 --service-arn ${s.ServiceArn}`);

    // The service's tab lists the saved plan.
    await page.goto(`/services/us-east-1/${s.ServiceId}?tab=migrate`);
    await expect(page.getByRole("table", { name: "Saved migration plans" }).getByRole("row")).toHaveCount(2);

    // The fleet page lists it with its readiness, and the total difference.
    await page.goto("/migrate");
    await expect(page.getByRole("row", { name: new RegExp(`mig-${tag}`) })).toContainText("Needs decisions");
    await expect(page.getByTestId("fleet-difference")).toHaveText(/[+−]?\$[\d,]+\.\d\d/);

    // Saving is audited.
    await page.goto("/audit");
    await expect(page.getByRole("row", { name: /migration_plan\.save/ }).first()).toContainText(`mig-${tag}`);
  } finally {
    await deleteService(s.ServiceArn);
  }
});

test("a service configured from its repository: apprunner.yaml pasted on the tab becomes the Dockerfile", async ({ page }) => {
  test.setTimeout(600_000); // a budget for a loaded 2-core machine, not a timing assertion
  const out = await appRunner().send(
    new CreateServiceCommand({
      ServiceName: `migyaml-${tag}`,
      SourceConfiguration: {
        AutoDeploymentsEnabled: false,
        CodeRepository: { RepositoryUrl: path.resolve("examples/node-hello"), SourceCodeVersion: { Type: "BRANCH", Value: "main" }, CodeConfiguration: { ConfigurationSource: "REPOSITORY" } },
      },
      HealthCheckConfiguration: { Protocol: "HTTP", Path: "/" },
    }),
  );
  const arn = out.Service?.ServiceArn ?? "";
  try {
    const s = await waitRunning(arn);
    await page.goto(`/services/us-east-1/${s.ServiceId}?tab=migrate`);
    await expect(page.getByRole("list", { name: "Decisions" })).toContainText("paste that file");
    await expect(page.getByLabel("Dockerfile")).toHaveCount(0);

    // A broken file is refused with the reason, and nothing is saved.
    const yamlField = page.getByLabel("apprunner.yaml from the repository");
    await yamlField.fill("runtime: nodejs22\nrun: {}\n");
    await page.getByRole("button", { name: "Save plan" }).click();
    await expect(page.locator("#apprunner-yaml-error")).toHaveText("apprunner.yaml: run.command: required");
    await expect(yamlField).toHaveAttribute("aria-invalid", "true");
    await expect(yamlField).toHaveValue("runtime: nodejs22\nrun: {}\n");
    await expect(page).toHaveURL(/\?tab=migrate$/);
    await expect(page.getByRole("table", { name: "Saved migration plans" })).toContainText("No saved plan yet.");

    await page.getByLabel("apprunner.yaml from the repository").fill(readFileSync(path.resolve("examples/node-hello/apprunner.yaml"), "utf8"));
    await page.getByRole("button", { name: "Save plan" }).click();
    await expect(page).toHaveURL(/\/migrate\/plans\/[a-z0-9]+$/);
    const dockerfile = page.getByLabel("Dockerfile");
    await expect(dockerfile).toContainText('RUN ["/bin/sh","-c","node --check server.js"]');
    await expect(dockerfile).toContainText("EXPOSE 8080");
    await expect(page.getByRole("region", { name: "Readiness" })).toContainText("Needs an image");
  } finally {
    await deleteService(arn);
  }
});

test("a service that cannot be read gets the reason, and no plan is generated or offered for saving", async ({ page }) => {
  test.setTimeout(600_000); // a budget for a loaded 2-core machine, not a timing assertion
  const s = await createNodeService(`migerr-${tag}`);
  const name = `unreachable-${tag}`;
  try {
    await waitRunning(s.ServiceArn);
    // A connection whose every read fails: the runtime's endpoint moved to a port nothing listens on.
    await addUnreachableConnection(page, name, ["us-east-1"]);
    await page.getByTestId("connection-switcher").selectOption({ label: name });
    await expect(page.getByTestId("connection-switcher").locator("option:checked")).toHaveText(name);

    // The fleet says why it has nothing, and shows no half-made total.
    await page.goto("/migrate");
    await expect(page.getByRole("alert").filter({ hasText: "Could not read" })).toContainText(/Could not read the services: .*ECONNREFUSED/, { timeout: 60_000 });
    await expect(page.getByTestId("fleet-difference")).toHaveCount(0);

    // The service's Migrate tab: the reason, and neither a plan nor a way to save one.
    await page.goto(`/services/us-east-1/${s.ServiceId}?tab=migrate`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first()).toContainText(/ECONNREFUSED/, { timeout: 60_000 });
    await expect(page.getByRole("button", { name: "Save plan" })).toHaveCount(0);
    await expect(page.getByText("App Runner → ECS Express Mode")).toHaveCount(0);
  } finally {
    await deleteService(s.ServiceArn);
    await page.goto("/settings/connections");
    const link = page.getByRole("link", { name });
    if (await link.count()) {
      await link.click();
      page.once("dialog", (d) => void d.accept());
      await page.getByRole("button", { name: "Delete connection" }).click();
      await expect(page).toHaveURL(/\/settings\/connections\?deleted=1/);
    }
  }
});
