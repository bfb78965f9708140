// Services made straight through the App Runner API of the test's runtime (faster than the
// form, which services.spec.ts covers), load sent from the test, and metrics read back
// through the SDK: the same path the console uses, checked from outside it.
import { AppRunnerClient, CreateServiceCommand, DeleteServiceCommand, DescribeServiceCommand, ListServicesCommand, type Service } from "@aws-sdk/client-apprunner";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import http from "node:http";
import path from "node:path";
import { runtimeDataPort, runtimeURL } from "./e2e-env";

const config = { region: "us-east-1", endpoint: runtimeURL, credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" } };
export const appRunner = () => new AppRunnerClient(config);
export const cloudWatch = () => new CloudWatchClient(config);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The ARN of the service with this name (every ListServices page; the suite makes many). */
export async function serviceArnByName(name: string): Promise<string> {
  let token: string | undefined;
  do {
    const page = await appRunner().send(new ListServicesCommand({ NextToken: token }));
    const hit = page.ServiceSummaryList?.find((s) => s.ServiceName === name);
    if (hit?.ServiceArn) return hit.ServiceArn;
    token = page.NextToken;
  } while (token);
  throw new Error(`no service named ${name}`);
}

/** A Node example service; resolves once App Runner reports it RUNNING with no operation in progress. */
export async function createNodeService(name: string, autoScalingConfigurationArn?: string): Promise<Service & { ServiceArn: string; ServiceId: string; ServiceName: string }> {
  const client = appRunner();
  const out = await client.send(
    new CreateServiceCommand({
      ServiceName: name,
      AutoScalingConfigurationArn: autoScalingConfigurationArn,
      SourceConfiguration: {
        AutoDeploymentsEnabled: false,
        CodeRepository: {
          RepositoryUrl: path.resolve("examples/node-hello"),
          SourceCodeVersion: { Type: "BRANCH", Value: "main" },
          CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "node server.js", Port: "8080" } },
        },
      },
    }),
  );
  const s = await waitRunning(out.Service?.ServiceArn ?? "");
  return s as Service & { ServiceArn: string; ServiceId: string; ServiceName: string };
}

export async function waitRunning(arn: string, timeoutMs = 90_000): Promise<Service> {
  const client = appRunner();
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const s = (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
    if (s?.Status === "RUNNING") return s;
    if (s?.Status === "CREATE_FAILED") throw new Error(`service ${arn} failed to create`);
    await sleep(250);
  }
  throw new Error(`service ${arn} not RUNNING after ${timeoutMs} ms`);
}

export async function deleteService(arn: string): Promise<void> {
  await appRunner()
    .send(new DeleteServiceCommand({ ServiceArn: arn }))
    .catch(() => undefined);
}

function get(host: string, urlPath: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port: runtimeDataPort, path: urlPath, headers: { host: `${host}:${runtimeDataPort}` }, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
  });
}

/** `total` requests with `concurrency` in flight, or (with `untilMs`) as many as fit in that time. Returns status counts. */
export async function sendLoad(serviceUrl: string, opts: { concurrency: number; total?: number; untilMs?: number; path?: string }): Promise<Map<number, number>> {
  const host = serviceUrl.replace(/^https?:\/\//, "").split(":")[0] ?? "";
  const counts = new Map<number, number>();
  let sent = 0;
  const stopAt = opts.untilMs ? Date.now() + opts.untilMs : Infinity;
  const worker = async () => {
    while ((opts.total === undefined || sent < opts.total) && Date.now() < stopAt) {
      sent++;
      const status = await get(host, opts.path ?? "/");
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return counts;
}

/** One metric of a service over the last `minutes`, as CloudWatch returns it (1-minute periods). */
export async function metricValues(service: { name: string; id: string }, metric: string, stat: string, minutes = 30): Promise<number[]> {
  const end = Date.now() + 60_000;
  const out = await cloudWatch().send(
    new GetMetricDataCommand({
      StartTime: new Date(end - minutes * 60_000),
      EndTime: new Date(end),
      MetricDataQueries: [
        {
          Id: "m",
          MetricStat: {
            Metric: { Namespace: "AWS/AppRunner", MetricName: metric, Dimensions: [{ Name: "ServiceName", Value: service.name }, { Name: "ServiceID", Value: service.id }] },
            Period: 60,
            Stat: stat,
          },
        },
      ],
    }),
  );
  return out.MetricDataResults?.[0]?.Values ?? [];
}
