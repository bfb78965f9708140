// ListOperations for a service, newest first, as view models.
import { ListOperationsCommand, type AppRunnerClient } from "@aws-sdk/client-apprunner";
import { toOperationView, type OperationView } from "./service-view";

export async function listOperations(client: AppRunnerClient, serviceArn: string, limit = 50): Promise<OperationView[]> {
  const ops: OperationView[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListOperationsCommand({ ServiceArn: serviceArn, MaxResults: 20, NextToken: nextToken }));
    for (const o of page.OperationSummaryList ?? []) ops.push(toOperationView(o));
    nextToken = page.NextToken;
  } while (nextToken && ops.length < limit);
  return ops.sort((a, b) => (b.startedAt ?? "").localeCompare(a.startedAt ?? "")).slice(0, limit);
}

/** The running operation of a service, if any (dashboard badges). */
export async function currentOperation(client: AppRunnerClient, serviceArn: string): Promise<OperationView | undefined> {
  const page = await client.send(new ListOperationsCommand({ ServiceArn: serviceArn, MaxResults: 5 }));
  return (page.OperationSummaryList ?? []).map(toOperationView).find((o) => o.running);
}

/** One ListOperations page: the running operation and the newest one (the service page's log follows it after it ends). */
export async function statusOperations(client: AppRunnerClient, serviceArn: string): Promise<{ current?: OperationView; latest?: OperationView }> {
  const page = await client.send(new ListOperationsCommand({ ServiceArn: serviceArn, MaxResults: 5 }));
  const ops = (page.OperationSummaryList ?? []).map(toOperationView).sort((a, b) => (b.startedAt ?? "").localeCompare(a.startedAt ?? ""));
  return { current: ops.find((o) => o.running), latest: ops[0] };
}

const deployTypes = new Set(["CREATE_SERVICE", "START_DEPLOYMENT", "UPDATE_SERVICE"]);

/** One ListOperations page per dashboard row: the running operation and the last finished deployment. */
export async function rowOperations(client: AppRunnerClient, serviceArn: string): Promise<{ current?: OperationView; lastDeployedAt?: string }> {
  const page = await client.send(new ListOperationsCommand({ ServiceArn: serviceArn, MaxResults: 20 }));
  const ops = (page.OperationSummaryList ?? []).map(toOperationView).sort((a, b) => (b.startedAt ?? "").localeCompare(a.startedAt ?? ""));
  const current = ops.find((o) => o.running);
  const lastDeployedAt = ops.find((o) => deployTypes.has(o.type) && o.status === "SUCCEEDED")?.endedAt;
  return { current, lastDeployedAt };
}
