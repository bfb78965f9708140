// The dashboard's cost column and total: every service's projected month from the last 7 days
// of real usage, fetched by the browser after the services table has rendered.
import { NextResponse } from "next/server";
import { z } from "zod";
import { getAwsContext } from "@/lib/aws/clients";
import { fleetCost } from "@/lib/costs/fleet-cost";
import { defineRoute } from "@/lib/routes/define-route";
import { describeAwsError } from "@/lib/services/aws-error";

export const dynamic = "force-dynamic";

const query = z.object({ region: z.string().optional() });

export const GET = defineRoute({ name: "fleet.read_cost", permission: "read", query }, async ({ query: q }) => {
  try {
    const ctx = await getAwsContext();
    // Only a region of the selected connection: the browser cannot point us anywhere else.
    const region = q.region && ctx.connection.regions.includes(q.region) ? q.region : ctx.region;
    return NextResponse.json(await fleetCost(region));
  } catch (err) {
    const e = describeAwsError(err);
    return NextResponse.json({ message: e.message, code: e.code }, { status: 502 });
  }
});
