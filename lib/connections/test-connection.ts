// "Test connection": one real App Runner ListServices call through the SDK, reporting the
// exact upstream error when it fails.
import { ListServicesCommand } from "@aws-sdk/client-apprunner";
import { appRunnerClient } from "@/lib/aws/clients";
import { describeError } from "@/lib/services/aws-error";

export interface ConnectionTestResult {
  ok: boolean;
  region: string;
  message: string;
  latencyMs: number;
}

export async function testConnection(connectionId: string, region: string): Promise<ConnectionTestResult> {
  const started = Date.now();
  try {
    const client = await appRunnerClient(connectionId, region);
    const out = await client.send(new ListServicesCommand({ MaxResults: 20 }), { abortSignal: AbortSignal.timeout(15_000) });
    const n = out.ServiceSummaryList?.length ?? 0;
    return { ok: true, region, latencyMs: Date.now() - started, message: `ListServices succeeded in ${region}: ${n}${out.NextToken ? "+" : ""} service${n === 1 ? "" : "s"}.` };
  } catch (err) {
    const d = describeError(err);
    const message = d.code === "internal" && err instanceof Error ? `${err.name}: ${err.message}` : d.message;
    return { ok: false, region, latencyMs: Date.now() - started, message };
  }
}
