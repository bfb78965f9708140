// The zod rule for a service ARN, shared by every action that takes one.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";

export const serviceArn = z
  .string()
  .regex(/^arn:aws(-[\w]+)*:apprunner:[a-z0-9-]+:[0-9]{12}:service\/[A-Za-z0-9][A-Za-z0-9-_]{3,39}\/[A-Za-z0-9]+$/, "Not an App Runner service ARN");
