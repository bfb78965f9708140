// `npm run bench -- costs`: the cost estimator's two speed promises, each with a baseline measured
// in the same run.
// 1. Scenario recompute (what the editor does per keystroke: validate the form, price App Runner
//    and the four alternatives) against validation alone and against the 16 ms frame budget.
// 2. A 30-day usage estimate against the local runtime (three hourly GetMetricData series, paged,
//    then priced per day) against one minimal GetMetricData round trip (1 hour, one series).
//    The browser's chart drawing is not in this figure.
// Prints a final JSON line. Options: --runs=N (default 15).
import { AppRunnerClient, CreateServiceCommand, DescribeServiceCommand } from "@aws-sdk/client-apprunner";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import http from "node:http";
import path from "node:path";
import { encodeGrid, presets } from "@/lib/pricing/activity-pattern";
import { defaultPriceTables } from "@/lib/pricing/default-price-tables";
import { estimateScenario } from "@/lib/pricing/scenario";
import { scenarioInputSchema, toScenario } from "@/lib/pricing/scenario-input";
import { estimateUsage } from "@/lib/pricing/usage-estimate";
import { readActiveInstances, usageWindow } from "@/lib/costs/read-active-instances";

const root = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
const prices = defaultPriceTables[0]!.prices;

function benchScenario() {
  const form = { region: "us-east-1", size: "1/2", minSize: "1", activity: encodeGrid(presets["office-hours"].grid()), avgActive: "1", peakActive: "3", requestsPerMonth: "1000000", dataOutGb: "50", autoDeploy: true, buildsPerMonth: "20", minutesPerBuild: "4", monthHours: "730" };
  const N = 2000;
  const time = (fn: (i: number) => unknown) => {
    for (let i = 0; i < 200; i++) fn(i); // warm-up (JIT)
    const samples: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      for (let i = 0; i < N; i++) fn(i);
      samples.push((performance.now() - t) / N);
    }
    return median(samples);
  };
  // Each iteration changes one figure, as a keystroke does.
  const validateMs = time((i) => scenarioInputSchema.safeParse({ ...form, avgActive: String((i % 3) + 0.5) }));
  const recomputeMs = time((i) => {
    const p = scenarioInputSchema.safeParse({ ...form, avgActive: String((i % 3) + 0.5) });
    if (!p.success) throw new Error("invalid bench scenario");
    return estimateScenario(toScenario(p.data), prices);
  });
  return { recomputeMs: round(recomputeMs), validateOnlyMs: round(validateMs), ratioToValidateOnly: round(recomputeMs / validateMs, 2), shareOf16msBudget: round(recomputeMs / 16, 4), under16ms: recomputeMs < 16 };
}

async function benchUsage() {
  const { startRuntime } = (await import(path.join(root, "runtime/test/start-runtime.ts"))) as typeof import("../runtime/test/start-runtime.js");
  const rt = await startRuntime();
  try {
    const credentials = { accessKeyId: "bench", secretAccessKey: "bench" };
    const ar = new AppRunnerClient({ endpoint: rt.api, region: "us-east-1", credentials });
    const cw = new CloudWatchClient({ endpoint: rt.api, region: "us-east-1", credentials });
    const created = await ar.send(new CreateServiceCommand({ ServiceName: "bench-costs", SourceConfiguration: { AutoDeploymentsEnabled: false, CodeRepository: { RepositoryUrl: path.join(root, "examples/node-hello"), SourceCodeVersion: { Type: "BRANCH", Value: "main" }, CodeConfiguration: { ConfigurationSource: "REPOSITORY" } } } }));
    const arn = created.Service!.ServiceArn!;
    for (;;) {
      const s = (await ar.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service!;
      if (s.Status === "RUNNING") break;
      if (s.Status !== "OPERATION_IN_PROGRESS") throw new Error(`service ${s.Status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const svc = (await ar.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service!;
    // A few seconds of traffic so ActiveInstances has non-zero points.
    const host = svc.ServiceUrl!.split(":")[0]!;
    const port = Number(new URL(rt.dataPlane).port);
    const get = () =>
      new Promise<number>((resolve) => {
        // node:http, not fetch: fetch will not send a Host header of our choosing, and the data plane routes by it.
        const req = http.get({ host: "127.0.0.1", port, path: "/", headers: { host } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", () => resolve(0));
      });
    const until = Date.now() + 4000;
    let ok = 0;
    while (Date.now() < until) if ((await get()) === 200) ok++;
    if (ok === 0) throw new Error("no request reached the service: the usage read would measure an empty series");
    await new Promise((r) => setTimeout(r, 3000));
    const service = { name: svc.ServiceName!, id: svc.ServiceId! };

    const full = async () => {
      const w = usageWindow(30);
      const points = await readActiveInstances(cw, service, w);
      return estimateUsage({ size: { vcpu: 1, memoryGb: 2 }, minSize: 1, autoDeploy: false, start: w.start, hours: w.hours, points }, prices);
    };
    const baseline = () => {
      const end = new Date();
      return cw.send(new GetMetricDataCommand({ StartTime: new Date(end.getTime() - 3_600_000), EndTime: end, MetricDataQueries: [{ Id: "a", MetricStat: { Metric: { Namespace: "AWS/AppRunner", MetricName: "ActiveInstances", Dimensions: [{ Name: "ServiceName", Value: service.name }, { Name: "ServiceID", Value: service.id }] }, Period: 3600, Stat: "Average" } }] }));
    };
    for (let i = 0; i < 3; i++) {
      await full();
      await baseline();
    }
    const fullMs: number[] = [];
    const baseMs: number[] = [];
    let activeHours = 0;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      activeHours = (await full()).activeInstanceHours;
      fullMs.push(performance.now() - t);
      t = performance.now();
      await baseline();
      baseMs.push(performance.now() - t);
    }
    return { usage30dMs: round(median(fullMs), 1), oneGetMetricDataMs: round(median(baseMs), 1), ratioToOneCall: round(median(fullMs) / median(baseMs), 2), activeInstanceHoursRead: round(activeHours, 4), under1s: median(fullMs) < 1000 };
  } finally {
    await rt.stop();
  }
}

async function main() {
  const scenario = benchScenario();
  console.log(`scenario recompute: ${scenario.recomputeMs} ms per change (validation alone ${scenario.validateOnlyMs} ms, ratio ${scenario.ratioToValidateOnly}x; ${(scenario.shareOf16msBudget * 100).toFixed(2)}% of a 16 ms frame)`);
  const usage = await benchUsage();
  console.log(`30-day usage estimate: ${usage.usage30dMs} ms (one 1-hour GetMetricData ${usage.oneGetMetricDataMs} ms, ratio ${usage.ratioToOneCall}x); active instance-hours read ${usage.activeInstanceHoursRead}`);
  console.log(JSON.stringify({ scenario, usage }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
