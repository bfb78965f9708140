"use server";
// Schedule mutations: save or remove one service's schedule, or apply one schedule to every
// service of a team, tag or catalog filter. Each is one audited action; the pauses and
// resumes that follow are the scheduler's (actor "schedule").
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { servicesTarget } from "@/lib/services/services-client";
import { regionOfArn } from "@/lib/services/service-view";
import { describeWindow } from "./schedule-model";
import { applyScheduleToCatalog, selectCatalogServices, type BulkResult } from "./apply-to-catalog";
import { assertSchedulable, parseSchedule, removeSchedule, storeSchedule } from "./save-schedule";

const serviceArn = z
  .string()
  .regex(/^arn:aws(-[\w]+)*:apprunner:[a-z0-9-]+:[0-9]{12}:service\/[A-Za-z0-9][A-Za-z0-9-_]{3,39}\/[A-Za-z0-9]+$/, "Not an App Runner service ARN");

export const saveScheduleAction = defineAction(
  { name: "schedule.save", permission: "services:operate", schema: z.object({ serviceArn, schedule: z.unknown() }) },
  async (input, ctx) => {
    // Field errors first: nothing is read or written for a schedule that cannot be saved.
    const schedule = parseSchedule(input.schedule);
    const region = regionOfArn(input.serviceArn) ?? "";
    const { connection, client } = await servicesTarget(region);
    ctx.setAuditDetails({ target: input.serviceArn, connectionId: connection.id, region, request: { timeZone: schedule.timeZone, windows: schedule.windows.map(describeWindow), exceptions: schedule.exceptions } });
    const serviceName = await assertSchedulable(client, input.serviceArn);
    await storeSchedule({ serviceArn: input.serviceArn, serviceName, connectionId: connection.id, region, schedule, createdBy: ctx.user.email });
    revalidatePath("/services", "layout");
    revalidatePath("/costs");
    return { saved: true };
  },
);

export const deleteScheduleAction = defineAction({ name: "schedule.delete", permission: "services:operate", schema: z.object({ serviceArn }) }, async ({ serviceArn }, ctx) => {
  ctx.setAuditDetails({ target: serviceArn, region: regionOfArn(serviceArn) ?? null });
  if (!(await removeSchedule(serviceArn))) throw new ActionError("This service has no schedule.", "not_found");
  revalidatePath("/services", "layout");
  revalidatePath("/costs");
  return { deleted: true };
});

const bulkSchema = z
  .object({
    team: z.string().trim().max(200).default(""),
    tag: z.string().trim().max(200).default(""),
    /** a catalog list's query string, e.g. "lifecycle=experimental&region=us-east-1" */
    filter: z.string().trim().max(2000).default(""),
    schedule: z.unknown(),
  })
  .refine((v) => v.team || v.tag || v.filter, { message: "Pick a team, a tag or a catalog filter", path: ["team"] });

export const applyScheduleToServicesAction = defineAction({ name: "schedule.bulk-apply", permission: "services:operate", schema: bulkSchema }, async (input, ctx): Promise<BulkResult> => {
  const schedule = parseSchedule(input.schedule);
  const rows = await selectCatalogServices(input);
  ctx.setAuditDetails({ target: [input.team && `team:${input.team}`, input.tag && `tag:${input.tag}`, input.filter && `filter:${input.filter}`].filter(Boolean).join(" "), request: { timeZone: schedule.timeZone, windows: schedule.windows.map(describeWindow), services: rows.length } });
  if (rows.length === 0) throw new ActionError("No catalog service matches. Sync the catalog or widen the selection.", "validation", { team: ["No catalog service matches"] });
  const result = await applyScheduleToCatalog(rows, schedule, ctx.user.email);
  ctx.setAuditDetails({ request: { timeZone: schedule.timeZone, windows: schedule.windows.map(describeWindow), applied: result.applied, skipped: result.skipped.map((s) => s.name) } });
  revalidatePath("/services", "layout");
  revalidatePath("/costs");
  return result;
});
