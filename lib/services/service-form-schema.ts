// The one schema for the create/update service form, used by the browser form (inline errors)
// and by the Server Action (authoritative check). Rules mirror App Runner's API model
// (aws-api-models/apprunner.service-2.json) so a form that passes here is not rejected there.
import "@/lib/forms/zod-jitless"; // before any schema below is built
import { z } from "zod";

export const serviceNamePattern = /^[A-Za-z0-9][A-Za-z0-9-_]{3,39}$/;

/** CPU -> allowed memory sizes, as App Runner documents them. */
export const instanceSizes = {
  "0.25 vCPU": ["0.5 GB", "1 GB"],
  "0.5 vCPU": ["1 GB"],
  "1 vCPU": ["2 GB", "3 GB", "4 GB"],
  "2 vCPU": ["4 GB", "6 GB"],
  "4 vCPU": ["8 GB", "10 GB", "12 GB"],
} as const satisfies Record<string, readonly string[]>;
export type Cpu = keyof typeof instanceSizes;
export const cpuOptions = Object.keys(instanceSizes) as Cpu[];

export const codeRuntimes = [
  "NODEJS_22",
  "NODEJS_18",
  "NODEJS_16",
  "NODEJS_14",
  "NODEJS_12",
  "PYTHON_311",
  "PYTHON_3",
  "CORRETTO_11",
  "CORRETTO_8",
  "GO_1",
  "DOTNET_6",
  "PHP_81",
  "RUBY_31",
] as const;

// The model's ImageIdentifier pattern: a private ECR URI or an ECR Public one.
const imageIdentifierPattern =
  /^(([0-9]{12}\.dkr\.ecr\.[a-z-]+-[0-9]{1}\.amazonaws\.com\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(:([\w+\-=._:/@])+|@([\w:]+))?)|(public\.ecr\.aws\/.+\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(:([\w+\-=._:/@])+|@([\w:]+))?))$/;
const arnPattern = /^arn:aws(-[\w]+)*:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[0-9]{12}:(\w|\/|-){1,1011}$/;
const roleArnPattern = /^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):iam::[0-9]{12}:(role|role\/service-role)\/[\w+=,.@\-/]{1,1000}$/;
const oneLine = /^[^\n\r]+$/;
// Shell-style names; App Runner reserves the AWSAPPRUNNER prefix for its own variables.
const envNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

const optionalText = (max: number, pattern?: RegExp, message?: string) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => v === "" || !pattern || pattern.test(v), message ?? "Invalid value")
    .optional()
    .transform((v) => (v ? v : undefined));

export const portSchema = z.coerce
  .number({ error: "Port must be a number" })
  .int("Port must be a whole number")
  .min(1, "Port must be between 1 and 65535")
  .max(65535, "Port must be between 1 and 65535");

export const envVarSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name is required")
    .max(256)
    .regex(envNamePattern, "Letters, digits and _ only; must not start with a digit")
    .refine((n) => !n.toUpperCase().startsWith("AWSAPPRUNNER"), "Names starting with AWSAPPRUNNER are reserved"),
  value: z.string().max(51200),
  secret: z.boolean().default(false),
  /** Update form only: a secret whose value was left blank keeps its current value. */
  keep: z.boolean().default(false),
});
export type EnvVarInput = z.infer<typeof envVarSchema>;

export const tagSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, "Key is required")
    .max(128)
    .refine((k) => !k.startsWith("aws:"), "Keys starting with aws: are reserved"),
  value: z.string().max(256),
});

const healthRange = (label: string) =>
  z.coerce.number().int(`${label} must be a whole number`).min(1, `${label}: 1 to 20`).max(20, `${label}: 1 to 20`);

export const healthCheckSchema = z.object({
  protocol: z.enum(["TCP", "HTTP"]).default("TCP"),
  path: z.string().trim().min(1, "Path is required").max(1024).default("/"),
  interval: healthRange("Interval").default(5),
  timeout: healthRange("Timeout").default(2),
  healthyThreshold: healthRange("Healthy threshold").default(1),
  unhealthyThreshold: healthRange("Unhealthy threshold").default(5),
});
export type HealthCheckInput = z.infer<typeof healthCheckSchema>;

const imageSourceSchema = z.object({
  kind: z.literal("image"),
  imageIdentifier: z
    .string()
    .trim()
    .min(1, "Image is required")
    .max(1024)
    .regex(imageIdentifierPattern, "Use an ECR image URI (123456789012.dkr.ecr.<region>.amazonaws.com/repo:tag) or public.ecr.aws/<alias>/repo:tag"),
  imageRepositoryType: z.enum(["ECR", "ECR_PUBLIC"]),
  port: portSchema.default(8080),
  startCommand: optionalText(4096, oneLine, "The start command must be one line"),
  accessRoleArn: optionalText(1024, roleArnPattern, "Not an IAM role ARN"),
});

const codeSourceSchema = z.object({
  kind: z.literal("code"),
  repositoryUrl: z.string().trim().min(1, "Repository URL or path is required").max(4096),
  branch: z.string().trim().min(1, "Branch is required").max(256),
  sourceDirectory: optionalText(4096, /^[^\0]+$/),
  connectionArn: optionalText(1011, arnPattern, "Not an App Runner connection ARN"),
  configurationSource: z.enum(["REPOSITORY", "API"]),
  runtime: z.enum(codeRuntimes).optional(),
  buildCommand: optionalText(4096, oneLine, "The build command must be one line"),
  startCommand: optionalText(4096, oneLine, "The start command must be one line"),
  port: portSchema.default(8080),
});

export const sourceSchema = z.discriminatedUnion("kind", [imageSourceSchema, codeSourceSchema]);
export type SourceInput = z.infer<typeof sourceSchema>;

export const serviceFormSchema = z
  .object({
    serviceName: z
      .string()
      .trim()
      .min(4, "4 to 40 characters")
      .max(40, "4 to 40 characters")
      .regex(serviceNamePattern, "Start with a letter or digit; then letters, digits, - and _ only"),
    source: sourceSchema,
    cpu: z.enum(cpuOptions as [Cpu, ...Cpu[]]).default("1 vCPU"),
    memory: z.string().default("2 GB"),
    instanceRoleArn: optionalText(1024, roleArnPattern, "Not an IAM role ARN"),
    env: z.array(envVarSchema).max(200).default([]),
    healthCheck: healthCheckSchema.default({
      protocol: "TCP",
      path: "/",
      interval: 5,
      timeout: 2,
      healthyThreshold: 1,
      unhealthyThreshold: 5,
    }),
    autoScalingConfigurationArn: optionalText(1011, arnPattern, "Not an auto scaling configuration ARN"),
    autoDeploy: z.boolean().default(false),
    tags: z.array(tagSchema).max(50).default([]),
  })
  .superRefine((form, ctx) => {
    const allowed: readonly string[] = instanceSizes[form.cpu];
    if (!allowed.includes(form.memory)) {
      ctx.addIssue({ code: "custom", path: ["memory"], message: `${form.cpu} allows ${allowed.join(" or ")}` });
    }
    const seen = new Set<string>();
    form.env.forEach((v, i) => {
      if (seen.has(v.name)) ctx.addIssue({ code: "custom", path: ["env", i, "name"], message: "Duplicate name" });
      seen.add(v.name);
      if (v.secret && !v.keep && v.value === "") {
        ctx.addIssue({ code: "custom", path: ["env", i, "value"], message: "A secret needs a value (an ARN or a value)" });
      }
    });
    const keys = new Set<string>();
    form.tags.forEach((t, i) => {
      if (keys.has(t.key)) ctx.addIssue({ code: "custom", path: ["tags", i, "key"], message: "Duplicate key" });
      keys.add(t.key);
    });
    if (form.source.kind === "code" && form.source.configurationSource === "API") {
      if (!form.source.runtime) ctx.addIssue({ code: "custom", path: ["source", "runtime"], message: "Pick a runtime" });
      // Without one the service would run a guess (`npm start`), and its exported apprunner.yaml
      // would lack run.command, which App Runner refuses.
      if (!form.source.startCommand) ctx.addIssue({ code: "custom", path: ["source", "startCommand"], message: "Enter the command that starts your app, e.g. node server.js" });
    }
    if (form.source.kind === "image" && form.source.imageRepositoryType === "ECR" && !form.source.accessRoleArn) {
      // App Runner needs a role to pull from private ECR; ECR Public needs none.
      if (!form.source.imageIdentifier.startsWith("public.ecr.aws/")) {
        ctx.addIssue({ code: "custom", path: ["source", "accessRoleArn"], message: "Private ECR images need an access role ARN" });
      }
    }
    if (form.source.kind === "image") {
      const isPublic = form.source.imageIdentifier.startsWith("public.ecr.aws/");
      if (isPublic !== (form.source.imageRepositoryType === "ECR_PUBLIC")) {
        ctx.addIssue({ code: "custom", path: ["source", "imageRepositoryType"], message: "Repository type does not match the image URI" });
      }
    }
  });

export type ServiceFormInput = z.input<typeof serviceFormSchema>;
export type ServiceForm = z.output<typeof serviceFormSchema>;

/** zod issues -> { "source.port": "message" } for inline display next to fields. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
