// With RUNWAY_RUNTIME_ACCESS_KEYS set, SigV4 signatures are verified and other keys refused, as AWS does.
import { ListServicesCommand } from "@aws-sdk/client-apprunner";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";
import { appRunner, rejection } from "./support.js";

let rt: RunningRuntime;

beforeAll(async () => {
  rt = await startRuntime({ env: { RUNWAY_RUNTIME_ACCESS_KEYS: "AKIDRUNWAY:s3cret,AKIDOTHER:other" } });
});

afterAll(async () => {
  await rt?.stop();
});

describe("SigV4 verification with configured keys", () => {
  it("accepts requests signed with a configured key, in any region", async () => {
    const ok = await appRunner(rt.api, "us-east-1", { accessKeyId: "AKIDRUNWAY", secretAccessKey: "s3cret" }).send(new ListServicesCommand({}));
    expect(ok.ServiceSummaryList).toEqual([]);
    const other = await appRunner(rt.api, "ap-southeast-2", { accessKeyId: "AKIDOTHER", secretAccessKey: "other" }).send(new ListServicesCommand({ MaxResults: 5 }));
    expect(other.ServiceSummaryList).toEqual([]);
  });

  it("refuses an unknown access key with UnrecognizedClientException", async () => {
    const err = await rejection(() => appRunner(rt.api, "us-east-1", { accessKeyId: "AKIDNOPE", secretAccessKey: "s3cret" }).send(new ListServicesCommand({})));
    expect(err.name).toBe("UnrecognizedClientException");
    expect(err.message).toBe("The security token included in the request is invalid.");
  });

  it("refuses a wrong secret with InvalidSignatureException", async () => {
    const err = await rejection(() => appRunner(rt.api, "us-east-1", { accessKeyId: "AKIDRUNWAY", secretAccessKey: "wrong" }).send(new ListServicesCommand({})));
    expect(err.name).toBe("InvalidSignatureException");
    expect(err.message).toMatch(/signature we calculated does not match/);
  });

  it("refuses unsigned requests", async () => {
    const res = await fetch(rt.api, { method: "POST", headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": "AppRunner.ListServices" }, body: "{}" });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { __type: string }).__type).toMatch(/MissingAuthenticationTokenException$/);
  });

  it("applies to the other APIs on the listener too", async () => {
    const creds = (secretAccessKey: string) => ({ accessKeyId: "AKIDRUNWAY", secretAccessKey });
    const good = new CloudWatchLogsClient({ endpoint: rt.api, region: "us-east-1", credentials: creds("s3cret"), maxAttempts: 1 });
    expect((await good.send(new DescribeLogGroupsCommand({}))).logGroups).toBeDefined();
    const bad = new CloudWatchLogsClient({ endpoint: rt.api, region: "us-east-1", credentials: creds("bad"), maxAttempts: 1 });
    expect((await rejection(() => bad.send(new DescribeLogGroupsCommand({})))).name).toBe("InvalidSignatureException");
  });
});
