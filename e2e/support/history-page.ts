// Service history specs: node-hello services made straight through the runtime's API (not
// through Runway), what their URL serves, and the History tab's version rows.
import { CreateServiceCommand } from "@aws-sdk/client-apprunner";
import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { appRunner, waitRunning } from "./runtime-service";

const exampleRepo = path.resolve("examples/node-hello");

/** node-hello answering with `message`, from `repo` (default: the example in this checkout). */
export function sourceConfiguration(message: string, repo = exampleRepo) {
  return {
    AutoDeploymentsEnabled: false,
    CodeRepository: {
      RepositoryUrl: repo,
      SourceCodeVersion: { Type: "BRANCH" as const, Value: "main" },
      CodeConfiguration: {
        ConfigurationSource: "API" as const,
        CodeConfigurationValues: { Runtime: "NODEJS_22" as const, StartCommand: "node server.js", Port: "8080", RuntimeEnvironmentVariables: { MESSAGE: message } },
      },
    },
  };
}

/** A node-hello service that answers with `message`; resolves once it is RUNNING. */
export async function createSourceService(prefix: string, message: string, repo?: string) {
  const name = `${prefix}-${randomBytes(3).toString("hex")}`;
  const out = await appRunner().send(
    new CreateServiceCommand({
      ServiceName: name,
      SourceConfiguration: sourceConfiguration(message, repo),
      InstanceConfiguration: { Cpu: "0.25 vCPU", Memory: "0.5 GB" },
      HealthCheckConfiguration: { Protocol: "TCP", Interval: 1, Timeout: 1, HealthyThreshold: 1, UnhealthyThreshold: 3 },
    }),
  );
  const s = await waitRunning(out.Service?.ServiceArn ?? "");
  return { arn: s.ServiceArn ?? "", path: `/services/us-east-1/${s.ServiceId}`, url: `http://${s.ServiceUrl}` };
}

/** What the app serves, opened in the browser (*.localhost resolves to loopback). */
export async function served(page: Page, url: string): Promise<string> {
  const p = await page.context().newPage();
  try {
    await p.goto(url);
    return (await p.textContent("body")) ?? "";
  } finally {
    await p.close();
  }
}

export const versionRows = (page: Page) => page.getByRole("table", { name: "Versions" }).locator("tbody tr");

/** Reloads the History tab until it lists `count` versions (the watcher records one when App Runner's operation ends). */
export async function expectVersions(page: Page, servicePath: string, count: number) {
  await expect(async () => {
    await page.goto(`${servicePath}?tab=history`);
    await expect(versionRows(page)).toHaveCount(count, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
}

/** Reloads the audit page (rendered once) until the rollbacks by `email` include one row with `result`; returns that row. */
export async function expectRollbackAudit(page: Page, email: string, result: "succeeded" | "failed") {
  const row = page.getByTestId("audit-row").filter({ hasText: result });
  await expect(async () => {
    await page.goto(`/audit?action=service.rollback&actor=${encodeURIComponent(email)}`);
    await expect(row).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  return row;
}
