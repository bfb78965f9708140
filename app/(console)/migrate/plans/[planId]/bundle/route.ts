// The saved plan as a zip: express-service.json, Dockerfile, IAM documents, README.
import { z } from "zod";
import { defineRoute } from "@/lib/routes/define-route";
import { bundleFiles, zipBundle } from "@/lib/migrate/bundle";
import { getSavedPlan } from "@/lib/migrate/saved-plans";

export const GET = defineRoute({ name: "migration_plan.download", permission: "read", params: z.object({ planId: z.string().regex(/^[a-z0-9]{10,40}$/, "Not a plan id") }), audit: true }, async ({ params, setAuditDetails }) => {
  const saved = await getSavedPlan(params.planId);
  if (!saved) return Response.json({ message: "No such plan.", code: "NotFound" }, { status: 404 });
  setAuditDetails({ target: saved.serviceName, region: saved.region, connectionId: saved.connectionId, request: { planId: saved.id } });
  const folder = `${saved.serviceName.replace(/[^A-Za-z0-9._-]/g, "-")}-ecs-express-${saved.createdAt.toISOString().slice(0, 10)}`;
  const zip = zipBundle(bundleFiles(saved.plan, saved.cost, saved.createdAt), folder, saved.createdAt);
  return new Response(Buffer.from(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${folder}.zip"`,
      "cache-control": "no-store",
    },
  });
});
