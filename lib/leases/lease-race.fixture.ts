// One contender in lease.test.ts's race, a process of its own. Two rounds on KEY as OWNER:
// at START_AT (epoch ms, so every contender fires together) with the lease clock at now,
// then 1.5 s later with the clock 2 minutes on (the first lease has expired by then).
// Prints {"won": [boolean, boolean]}.
import { createDb } from "@/lib/db";
import { claimLease } from "./lease";

const db = createDb(process.env.DATABASE_URL!);
const startAt = Number(process.env.START_AT);
const now = Number(process.env.NOW);
const at = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
await db.$connect();
await at(startAt);
const fresh = await claimLease(db, process.env.KEY!, process.env.OWNER!, 60_000, new Date(now));
await at(startAt + 1_500);
const expired = await claimLease(db, process.env.KEY!, process.env.OWNER!, 60_000, new Date(now + 120_000));
await db.$disconnect();
console.log(JSON.stringify({ won: [fresh, expired] }));
