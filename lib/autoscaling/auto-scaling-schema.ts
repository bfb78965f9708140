// One zod schema for the create form and its Server Action: App Runner's own ranges
// (apprunner.service-2.json: MaxConcurrency 1-200, MinSize 1-25, MaxSize >= 1, no upper bound).
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";

/** App Runner's default quota on instances per service; MaxSize above it is allowed but warned about. */
export const DEFAULT_INSTANCE_QUOTA = 25;

const int = (label: string, min: number, max?: number) => {
  let s = z.coerce.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).min(min, max === undefined ? `${label} must be at least ${min}` : `${label} must be ${min} to ${max}`);
  if (max !== undefined) s = s.max(max, `${label} must be ${min} to ${max}`);
  return s;
};

export const autoScalingFormSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(4, "4 to 32 characters")
      .max(32, "4 to 32 characters")
      .regex(/^[A-Za-z0-9][A-Za-z0-9\-_]{3,31}$/, "Letters, digits, - and _; starts with a letter or digit"),
    maxConcurrency: int("MaxConcurrency", 1, 200),
    minSize: int("MinSize", 1, 25),
    maxSize: int("MaxSize", 1),
  })
  .superRefine((v, ctx) => {
    if (v.maxSize < v.minSize) ctx.addIssue({ code: "custom", path: ["maxSize"], message: `MaxSize must be at least MinSize (${v.minSize})` });
  });

export type AutoScalingForm = z.output<typeof autoScalingFormSchema>;

const ascArn = z.string().regex(/^arn:aws(-[\w]+)*:apprunner:[a-z0-9-]+:[0-9]{12}:autoscalingconfiguration\/[A-Za-z0-9][A-Za-z0-9\-_]{3,31}\/[0-9]+\/[0-9a-f]{32}$/, "Not an auto scaling configuration ARN");
export const autoScalingRef = z.object({ arn: ascArn });
export const applyAutoScalingSchema = z.object({
  arn: ascArn,
  serviceArn: z.string().regex(/^arn:aws(-[\w]+)*:apprunner:[a-z0-9-]+:[0-9]{12}:service\/[A-Za-z0-9][A-Za-z0-9-_]{3,39}\/[A-Za-z0-9]+$/, "Pick a service"),
});
