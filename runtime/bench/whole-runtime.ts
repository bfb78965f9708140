// The whole runtime as `npm run runtime` starts it, with one service created through the App Runner API (the
// SDK), for the proxy benchmark's second comparison: traffic through the data plane by the service's host, with
// the control plane, engine, metrics and logs all running in the same process.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AppRunnerClient, CreateServiceCommand, DescribeServiceCommand } from "@aws-sdk/client-apprunner";
import { startRuntime } from "../test/start-runtime.js";

export interface WholeRuntime {
  port: number;
  /** The service's ServiceUrl host, to send as Host. */
  host: string;
  /** The runtime process (for CPU accounting). */
  pid: number;
  stop(): Promise<void>;
}

/** Starts the runtime and deploys `appSource` (a Node script listening on PORT) as one service; resolves once it runs. */
export async function startWholeRuntime(dir: string, appSource: string): Promise<WholeRuntime> {
  const appDir = path.join(dir, "bench-app");
  mkdirSync(appDir, { recursive: true });
  writeFileSync(path.join(appDir, "server.js"), appSource);
  const rt = await startRuntime();
  try {
    const client = new AppRunnerClient({ endpoint: rt.api, region: "us-east-1", credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" }, maxAttempts: 1 });
    const created = await client.send(
      new CreateServiceCommand({
        ServiceName: "proxy-bench",
        SourceConfiguration: {
          AutoDeploymentsEnabled: false,
          CodeRepository: {
            RepositoryUrl: appDir,
            SourceCodeVersion: { Type: "BRANCH", Value: "main" },
            CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "node server.js", Port: "8080" } },
          },
        },
      }),
    );
    const arn = created.Service?.ServiceArn as string;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { Service: s } = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
      if (s?.Status === "RUNNING") return { port: rt.dataPort, host: (s.ServiceUrl as string).split(":")[0] as string, pid: rt.pid, stop: async () => void (await rt.stop()) };
      if (s?.Status !== "OPERATION_IN_PROGRESS" || Date.now() > deadline) throw new Error(`bench service ended ${s?.Status}: ${rt.logs().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (err) {
    await rt.stop();
    throw err;
  }
}

type Measure = (name: string, port: number, pid: number | undefined, host?: string) => Promise<{ rps: number }>;

/**
 * Rounds alternating nginx (in front of the benchmark's own instance of the same app) and the whole runtime,
 * taking turns going first; returns the runtime's median req/s and the median of per-round ratios.
 */
export async function wholeRuntimeRounds(
  dir: string,
  appSource: string,
  rounds: number,
  measure: Measure,
  warm: (port: number, host: string) => Promise<void>,
  nginx: { port: number; pid: number | undefined } | undefined,
): Promise<{ rps: number; ratio: number | undefined; ratios: number[] }> {
  const rt = await startWholeRuntime(dir, appSource);
  try {
    await warm(rt.port, rt.host);
    const rps: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const n = nginx && r % 2 === 0 ? await measure("nginx", nginx.port, nginx.pid) : undefined;
      const w = await measure("runtime", rt.port, rt.pid, rt.host);
      const n2 = nginx && r % 2 === 1 ? await measure("nginx", nginx.port, nginx.pid) : n;
      rps.push(w.rps);
      if (n2) ratios.push(w.rps / n2.rps);
    }
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    return { rps: mid(rps), ratio: ratios.length ? mid(ratios) : undefined, ratios };
  } finally {
    await rt.stop();
  }
}
