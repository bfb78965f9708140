// One contender in lease.test.ts's race, a process of its own. Two rounds on key as owner:
// at startAt (epoch ms, so every contender fires together) with the lease clock at now,
// then 1.5 s later with the clock 2 minutes on (the first lease has expired by then).
// Prints {"won": [boolean, boolean]}.
import { createDb } from "@/lib/db";
import { fixtureInput } from "@/lib/testing/run-process";
import { claimLease } from "./lease";

const { databaseUrl, key, owner, startAt, now } = fixtureInput<{ databaseUrl: string; key: string; owner: string; startAt: number; now: number }>();
const db = createDb(databaseUrl);
const at = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
await db.$connect();
await at(startAt);
const fresh = await claimLease(db, key, owner, 60_000, new Date(now));
await at(startAt + 1_500);
const expired = await claimLease(db, key, owner, 60_000, new Date(now + 120_000));
await db.$disconnect();
console.log(JSON.stringify({ won: [fresh, expired] }));
