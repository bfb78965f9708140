// One schema for the connection form and its Server Actions.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";
import { optionalText, requiredText, stringList } from "@/lib/forms/form-fields";

export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/;
export const region = z.string().regex(REGION_PATTERN, "Not a region name (like us-east-1)");

export const connectionKinds = ["aws", "local"] as const;
export const credentialTypes = ["default", "profile", "static"] as const;

export const connectionInput = z
  .object({
    name: requiredText("Name", 80),
    kind: z.enum(connectionKinds, { error: "Choose AWS or a local runtime" }),
    endpoint: optionalText(500),
    regions: stringList(region).pipe(z.array(region).min(1, "List at least one region").max(40)),
    defaultRegion: optionalText(40),
    credentialType: z.enum(credentialTypes, { error: "Choose how to get credentials" }),
    profile: optionalText(128),
    roleArn: optionalText(2048),
    accessKeyId: optionalText(128),
    /** Write-only. On edit, empty keeps the stored secret. */
    secretAccessKey: optionalText(256),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.kind === "local") {
      if (!v.endpoint) issue("endpoint", "A local runtime needs its endpoint URL");
    }
    if (v.endpoint) {
      try {
        const u = new URL(v.endpoint);
        if (u.protocol !== "http:" && u.protocol !== "https:") issue("endpoint", "Use an http:// or https:// URL");
      } catch {
        issue("endpoint", "Not a URL (like http://127.0.0.1:4580)");
      }
    }
    if (v.defaultRegion && !v.regions.includes(v.defaultRegion)) issue("defaultRegion", "The default region must be one of the regions");
    if (v.credentialType === "profile" && !v.profile) issue("profile", "Name the profile (from ~/.aws/config)");
    if (v.credentialType === "static" && !v.accessKeyId) issue("accessKeyId", "Access key ID is required for static keys");
    if (v.roleArn && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(v.roleArn)) issue("roleArn", "Not an IAM role ARN (arn:aws:iam::123456789012:role/Name)");
  });

export type ConnectionInput = z.output<typeof connectionInput>;

export const connectionIdInput = z.object({ id: z.string().min(1).max(64) });
