// Shared pieces of the runtime's integration tests: SDK clients, waiting for statuses, requests through the data plane.
import { AppRunnerClient, DescribeServiceCommand, ListOperationsCommand, type OperationSummary, type Service } from "@aws-sdk/client-apprunner";
import { CloudWatchLogsClient, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import http from "node:http";
import path from "node:path";
import { REPO_ROOT } from "./start-runtime.js";

export const EXAMPLES = path.join(REPO_ROOT, "examples");

export function appRunner(api: string, region = "us-east-1", credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "secret" }): AppRunnerClient {
  return new AppRunnerClient({ endpoint: api, region, credentials, maxAttempts: 1 });
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

/** Waits until the service leaves OPERATION_IN_PROGRESS; returns the settled service. */
export function settled(client: AppRunnerClient, serviceArn: string, timeoutMs = 90_000): Promise<Service> {
  return waitFor(
    `${serviceArn} to settle`,
    async () => {
      const { Service: s } = await client.send(new DescribeServiceCommand({ ServiceArn: serviceArn }));
      return s && s.Status !== "OPERATION_IN_PROGRESS" ? s : undefined;
    },
    timeoutMs,
  );
}

export async function operation(client: AppRunnerClient, serviceArn: string, id: string): Promise<OperationSummary | undefined> {
  const { OperationSummaryList } = await client.send(new ListOperationsCommand({ ServiceArn: serviceArn }));
  return OperationSummaryList?.find((o) => o.Id === id);
}

/** GET through the data plane with a Host header (Node does not resolve *.localhost by itself). */
export function getVia(dataPlane: string, host: string, urlPath = "/"): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(dataPlane);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: urlPath, method: "GET", headers: { host }, agent: false, timeout: 10_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("timeout", () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end();
  });
}

/** Waits until GET <ServiceUrl>/ answers 200 with `expected` in its body. */
export function served(dataPlane: string, serviceUrl: string, expected: string, timeoutMs = 30_000): Promise<string> {
  return waitFor(
    `${serviceUrl} to serve '${expected}'`,
    async () => {
      const r = await getVia(dataPlane, serviceUrl);
      return r.status === 200 && r.body.includes(expected) ? r.body : undefined;
    },
    timeoutMs,
  );
}

/** Source configuration of examples/node-hello with the start command and MESSAGE given by the API. */
export function nodeHelloSource(opts: { message: string; startCommand?: string }) {
  return {
    AutoDeploymentsEnabled: false,
    CodeRepository: {
      RepositoryUrl: path.join(EXAMPLES, "node-hello"),
      SourceCodeVersion: { Type: "BRANCH" as const, Value: "main" },
      CodeConfiguration: {
        ConfigurationSource: "API" as const,
        CodeConfigurationValues: {
          Runtime: "NODEJS_22" as const,
          StartCommand: opts.startCommand ?? "node server.js",
          Port: "8080",
          RuntimeEnvironmentVariables: { MESSAGE: opts.message },
        },
      },
    },
  };
}

/** Runs `fn`, expecting an AWS error; returns it so the test can check name and message. */
export async function rejection(fn: () => Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await fn();
  } catch (err) {
    return err as { name: string; message: string };
  }
  throw new Error("expected the call to fail, it succeeded");
}

/** The service's `[AppRunner] ...` events, read back through the runtime's CloudWatch Logs API. */
export async function serviceEvents(api: string, svc: Service, region = "us-east-1"): Promise<string> {
  const logs = new CloudWatchLogsClient({ endpoint: api, region, credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "secret" }, maxAttempts: 1 });
  // The log store flushes in the background; events are readable at once from memory.
  const out = await logs.send(new GetLogEventsCommand({ logGroupName: `/aws/apprunner/${svc.ServiceName}/${svc.ServiceId}/service`, logStreamName: "events", startFromHead: true }));
  return (out.events ?? []).map((e) => e.message).join("\n");
}
