// A console process for operation-watcher.test.ts: from startAt (epoch ms, so both
// processes run together) it runs watcher passes, with a check that finds every operation
// ended after a short wait, until none of prefix's operations is pending.
// Prints {"finished": n}: how many final results this process recorded.
import { createDb } from "@/lib/db";
import { fixtureInput } from "@/lib/testing/run-process";
import { OperationWatcher } from "./operation-watcher";

const { databaseUrl, prefix, startAt } = fixtureInput<{ databaseUrl: string; prefix: string; startAt: number }>();
const db = createDb(databaseUrl);
await db.$connect();
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const watcher = new OperationWatcher({
  db,
  batch: 5,
  pollMs: 0,
  check: async () => {
    await new Promise((r) => setTimeout(r, 5)); // an API call's worth of time, so the passes interleave
    return { done: true, ok: true, status: "SUCCEEDED" };
  },
});
let finished = 0;
while ((await db.trackedOperation.count({ where: { state: "pending", operationId: { startsWith: prefix } } })) > 0) {
  finished += await watcher.tick();
}
await watcher.stop();
await db.$disconnect();
console.log(JSON.stringify({ finished }));
