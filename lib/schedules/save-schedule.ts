// Storing a schedule: only on a service that is running or paused (App Runner can pause and
// resume nothing else), and due at once, so the scheduler applies what it asks for now.
import "server-only";
import type { AppRunnerClient } from "@aws-sdk/client-apprunner";
import { ActionError, checkFieldsMessage } from "@/lib/actions/action-result";
import { db } from "@/lib/db";
import { describeServiceByArn } from "@/lib/services/describe-service";
import { describeAwsError, formatAwsError } from "@/lib/services/aws-error";
import { scheduleSchema, type Schedule } from "./schedule-model";

/** The schedule, or a validation error whose field keys are paths ("windows.1.start"). */
export function parseSchedule(input: unknown): Schedule {
  const r = scheduleSchema.safeParse(input);
  if (r.success) return r.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.join(".") || "schedule";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new ActionError(checkFieldsMessage, "validation", fieldErrors);
}

export const schedulableStatuses = ["RUNNING", "PAUSED"];

/** The service's name once it is known to be running or paused; an ActionError otherwise. */
export async function assertSchedulable(client: AppRunnerClient, serviceArn: string): Promise<string> {
  let status: string;
  let name: string;
  try {
    const s = await describeServiceByArn(client, serviceArn);
    status = s.Status ?? "";
    name = s.ServiceName ?? "";
  } catch (err) {
    throw new ActionError(formatAwsError(err), describeAwsError(err).code === "ResourceNotFoundException" ? "not_found" : "upstream");
  }
  if (!schedulableStatuses.includes(status)) {
    throw new ActionError(`A schedule can only be set on a running or paused service; ${name} is ${status.toLowerCase().replace(/_/g, " ")}.`, "conflict");
  }
  return name;
}

export interface StoreScheduleInput {
  serviceArn: string;
  serviceName: string;
  connectionId: string;
  region: string;
  schedule: Schedule;
  createdBy: string;
}

export async function storeSchedule(input: StoreScheduleInput, now = new Date()) {
  const data = {
    serviceName: input.serviceName,
    connectionId: input.connectionId,
    region: input.region,
    timeZone: input.schedule.timeZone,
    windows: JSON.stringify(input.schedule.windows),
    exceptions: JSON.stringify(input.schedule.exceptions),
    enabled: true,
    nextRunAt: now,
    failures: 0,
    lastError: null,
  };
  return db.serviceSchedule.upsert({ where: { serviceArn: input.serviceArn }, create: { serviceArn: input.serviceArn, createdBy: input.createdBy, ...data }, update: data });
}


/** Removes a service's schedule; false when it had none. */
export async function removeSchedule(serviceArn: string): Promise<boolean> {
  return (await db.serviceSchedule.deleteMany({ where: { serviceArn } })).count > 0;
}
