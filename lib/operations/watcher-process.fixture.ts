// A console process for operation-watcher.test.ts: from START_AT (epoch ms, so both
// processes run together) it runs watcher passes, with a check that finds every operation
// ended after a short wait, until none of OPERATION_PREFIX's operations is pending.
// Prints {"finished": n}: how many final results this process recorded.
import { createDb } from "@/lib/db";
import { OperationWatcher } from "./operation-watcher";

const db = createDb(process.env.DATABASE_URL!);
const prefix = process.env.OPERATION_PREFIX!;
await db.$connect();
await new Promise((r) => setTimeout(r, Math.max(0, Number(process.env.START_AT) - Date.now())));
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
